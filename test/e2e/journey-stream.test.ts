// The whole journey with Zoom's events arriving through the Zoom events template's stream trigger
// over the simulator's WebSocket instead of its webhook trigger.
import './streamDelivery';
import './journey.test';
