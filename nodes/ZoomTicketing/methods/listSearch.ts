// Searchable "From list" options for the resource locators (meetings, webinars, recordings).
export {};
export { searchRecordings } from './recordingSearch';
