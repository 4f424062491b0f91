// Searchable "From list" options for the resource locators. Other resources add a file of their
// own in this folder and export its functions here with one line.
export { searchMeetings, searchWebinars } from './eventSearch';
export { searchRecordings } from './recordingSearch';
