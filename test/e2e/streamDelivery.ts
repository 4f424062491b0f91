// Imported before journey.test by journey-stream.test.ts: the journey then drives the Zoom events
// template through its stream trigger over the simulator's socket.
process.env.ZOOM_JOURNEY_DELIVERY = 'stream';
