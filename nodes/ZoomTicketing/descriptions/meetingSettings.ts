import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	assertEmail,
	assertEmailList,
	assertEnum,
	InvalidParameterError,
	optionalString,
	requireString,
} from '../helpers/validation';

const bool = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});

/** Every meeting setting Zoom's OpenAPI lists for create and update, as one n8n collection. */
export const meetingSettingsOptions: INodeProperties[] = [
	{
		displayName: 'Additional Data Center Regions',
		name: 'additional_data_center_regions',
		type: 'string',
		default: '',
		placeholder: 'e.g. EU, HK',
		description: 'Data center regions (as Zoom lists them in the account profile) to add for this meeting, separated by commas',
	},
	bool('Allow Multiple Devices', 'allow_multiple_devices', 'Whether attendees may join from several devices'),
	{
		displayName: 'Alternative Hosts',
		name: 'alternative_hosts',
		type: 'string',
		default: '',
		placeholder: 'e.g. cohost@example.com, other@example.com',
		description: 'Email addresses of licensed users in the account who may host, separated by commas',
	},
	bool('Alternative Hosts Email Notification', 'alternative_hosts_email_notification', 'Whether alternative hosts get an email about the meeting'),
	bool('Alternative Host Manages Cloud Recording', 'alternative_host_manage_cloud_recording', 'Whether alternative hosts may manage the cloud recording'),
	bool('Alternative Host Manages Meeting Summary', 'alternative_host_manage_meeting_summary', 'Whether alternative hosts may manage the meeting summary'),
	bool('Alternative Host Updates Polls', 'alternative_host_update_polls', 'Whether alternative hosts may add or edit polls'),
	{
		displayName: 'Approval Type',
		name: 'approval_type',
		type: 'options',
		options: [
			{ name: 'Automatically Approve', value: 0, description: 'Registration is required and every registrant is approved' },
			{ name: 'Manually Approve', value: 1, description: 'Registration is required and the host approves each registrant' },
			{ name: 'No Registration Required', value: 2 },
		],
		default: 2,
	},
	{
		displayName: 'Approved or Denied Countries',
		name: 'approved_or_denied_countries_or_regions',
		type: 'fixedCollection',
		default: {},
		options: [
			{
				displayName: 'Countries',
				name: 'value',
				values: [
					{
						displayName: 'Method',
						name: 'method',
						type: 'options',
						options: [
							{ name: 'Allow Only the Listed Countries', value: 'approve' },
							{ name: 'Block the Listed Countries', value: 'deny' },
						],
						default: 'approve',
					},
					{
						displayName: 'Country Codes',
						name: 'countries',
						type: 'string',
						default: '',
						placeholder: 'e.g. US, CA, DE',
						description: 'Two-letter country codes, separated by commas',
					},
				],
			},
		],
	},
	{
		displayName: 'Audio',
		name: 'audio',
		type: 'options',
		options: [
			{ name: 'Telephone and Computer Audio', value: 'both' },
			{ name: 'Telephone Only', value: 'telephony' },
			{ name: 'Computer Audio Only', value: 'voip' },
			{ name: 'Third-Party Audio', value: 'thirdParty' },
		],
		default: 'both',
	},
	{
		displayName: 'Audio Conference Info',
		name: 'audio_conference_info',
		type: 'string',
		default: '',
		description: 'Dial-in details of the third-party audio conference (up to 2048 characters)',
	},
	{
		displayName: 'Authentication Domains',
		name: 'authentication_domains',
		type: 'string',
		default: '',
		placeholder: 'e.g. example.com, example.org',
		description: 'Domains whose users may join when meeting authentication uses a domain list',
	},
	{
		displayName: 'Authentication Exceptions',
		name: 'authentication_exception',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'People who may join without meeting authentication',
		options: [
			{
				displayName: 'Participant',
				name: 'participant',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Authentication Option',
		name: 'authentication_option',
		type: 'string',
		default: '',
		description: 'ID of the account\'s meeting authentication option to use',
	},
	{
		displayName: 'Auto Recording',
		name: 'auto_recording',
		type: 'options',
		options: [
			{ name: 'Cloud', value: 'cloud' },
			{ name: 'Local', value: 'local' },
			{ name: 'None', value: 'none' },
		],
		default: 'none',
	},
	{
		displayName: 'Add Recording to Video Management',
		name: 'auto_add_recording_to_video_management',
		type: 'string',
		default: '',
		placeholder: 'e.g. Uyh5qeykTDiA66YQEYmFPg',
		description: 'IDs of up to 5 video management channels the recording is added to, separated by commas',
	},
	bool('Auto Start AI Companion Questions', 'auto_start_ai_companion_questions', 'Whether AI Companion questions start automatically'),
	bool('Auto Start Meeting Summary', 'auto_start_meeting_summary', 'Whether the meeting summary starts automatically'),
	{
		displayName: 'Breakout Room Pre-Assignment',
		name: 'breakout_room',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Rooms and the email addresses assigned to each (up to 50 rooms)',
		options: [
			{
				displayName: 'Room',
				name: 'room',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{
						displayName: 'Participants',
						name: 'participants',
						type: 'string',
						default: '',
						placeholder: 'e.g. ana@example.com, ben@example.com',
						description: 'Email addresses, separated by commas',
					},
				],
			},
		],
	},
	{
		displayName: 'Calendar Type',
		name: 'calendar_type',
		type: 'options',
		options: [
			{ name: 'Outlook', value: 1 },
			{ name: 'Google Calendar', value: 2 },
		],
		default: 1,
	},
	bool('China Meeting', 'cn_meeting', 'Whether the meeting is hosted in China'),
	bool('Close Registration', 'close_registration', 'Whether registration closes after the meeting date'),
	{ displayName: 'Contact Email', name: 'contact_email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Shown to registrants' },
	{ displayName: 'Contact Name', name: 'contact_name', type: 'string', default: '', description: 'Shown to registrants' },
	{
		displayName: 'Continuous Meeting Chat',
		name: 'continuous_meeting_chat',
		type: 'fixedCollection',
		default: {},
		options: [
			{
				displayName: 'Chat',
				name: 'value',
				values: [
					{ displayName: 'Enable', name: 'enable', type: 'boolean', default: true, description: 'Whether chat continues before and after the meeting' },
					{ displayName: 'Add Invited External Users', name: 'auto_add_invited_external_users', type: 'boolean', default: false, description: 'Whether invited external users join the chat' },
					{ displayName: 'Add Meeting Participants', name: 'auto_add_meeting_participants', type: 'boolean', default: false, description: 'Whether participants join the chat' },
				],
			},
		],
	},
	bool('Device Testing', 'device_testing', 'Whether attendees can test their devices before joining'),
	bool('Disable Participant Video', 'disable_participant_video', 'Whether participants cannot turn on their video'),
	bool('Email in Attendee Report', 'email_in_attendee_report', 'Whether attendee emails appear in the attendee report'),
	{
		displayName: 'Email Notification',
		name: 'email_notification',
		type: 'boolean',
		default: true,
		description: 'Whether alternative hosts and panelists get emails about changes',
	},
	{
		displayName: 'Encryption Type',
		name: 'encryption_type',
		type: 'options',
		options: [
			{ name: 'Enhanced Encryption', value: 'enhanced_encryption' },
			{ name: 'End-to-End Encryption', value: 'e2ee' },
		],
		default: 'enhanced_encryption',
	},
	bool('Focus Mode', 'focus_mode', 'Whether focus mode is on at the start'),
	{
		displayName: 'Global Dial-in Countries',
		name: 'global_dial_in_countries',
		type: 'string',
		default: '',
		placeholder: 'e.g. US, DE, GB',
		description: 'Countries whose dial-in numbers appear in the invitation, as two-letter codes separated by commas',
	},
	bool('Host Save Video Order', 'host_save_video_order', 'Whether the host may save the video order'),
	bool('Host Video', 'host_video', 'Whether the host\'s video is on when joining'),
	bool('In Meeting', 'in_meeting', 'Whether the host is in the meeting'),
	bool('Internal Meeting', 'internal_meeting', 'Whether only users of the account may join'),
	{
		displayName: 'Join Before Host Time',
		name: 'jbh_time',
		type: 'options',
		options: [
			{ name: 'Any Time', value: 0 },
			{ name: '5 Minutes Before Start', value: 5 },
			{ name: '10 Minutes Before Start', value: 10 },
			{ name: '15 Minutes Before Start', value: 15 },
		],
		default: 0,
		description: 'When participants may join before the host (with Join Before Host)',
	},
	bool('Join Before Host', 'join_before_host', 'Whether participants may join before the host'),
	{
		displayName: 'Language Interpretation',
		name: 'language_interpretation',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Interpreters and their languages; adding one turns interpretation on',
		options: [
			{
				displayName: 'Interpreter',
				name: 'interpreter',
				values: [
					{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
					{
						displayName: 'Languages',
						name: 'languages',
						type: 'string',
						default: '',
						placeholder: 'e.g. US,FR',
						description: 'Two language codes, separated by a comma (from, to)',
					},
				],
			},
		],
	},
	bool('Meeting Authentication', 'meeting_authentication', 'Whether only authenticated users may join'),
	{
		displayName: 'Meeting Invitees',
		name: 'meeting_invitees',
		type: 'string',
		default: '',
		placeholder: 'e.g. ana@example.com, ben@example.com',
		description: 'Email addresses to invite, separated by commas',
	},
	bool('Mute Upon Entry', 'mute_upon_entry', 'Whether participants are muted when they join'),
	bool('Participant Focused Meeting', 'participant_focused_meeting', 'Whether this is a participant-focused meeting'),
	bool('Participant Video', 'participant_video', 'Whether participants\' video is on when joining'),
	bool('Private Meeting', 'private_meeting', 'Whether the meeting is private'),
	bool('Push Change to Calendar', 'push_change_to_calendar', 'Whether changes go to the host\'s calendar'),
	{
		displayName: 'Q&A',
		name: 'question_and_answer',
		type: 'fixedCollection',
		default: {},
		options: [
			{
				displayName: 'Q&A',
				name: 'value',
				values: [
					{
						displayName: 'Allow Anonymous Questions',
						name: 'allow_anonymous_questions',
						type: 'boolean',
						default: false,
						description: 'Whether questions may be anonymous',
					},
					{
						displayName: 'Allow Submit Questions',
						name: 'allow_submit_questions',
						type: 'boolean',
						default: true,
						description: 'Whether participants may ask questions',
					},
					{
						displayName: 'Attendees Can Comment',
						name: 'attendees_can_comment',
						type: 'boolean',
						default: false,
						description: 'Whether attendees may comment on questions',
					},
					{
						displayName: 'Attendees Can Upvote',
						name: 'attendees_can_upvote',
						type: 'boolean',
						default: false,
						description: 'Whether attendees may upvote questions',
					},
					{
						displayName: 'Enable',
						name: 'enable',
						type: 'boolean',
						default: true,
						description: 'Whether Q&A is on',
					},
					{
						displayName: 'Question Visibility',
						name: 'question_visibility',
						type: 'options',
						options: [
							{
								name: 'Answered Questions',
								value: 'answered',
							},
							{
								name: 'All Questions',
								value: 'all',
							},
						],
						default: 'answered',
					},
			],
			},
		],
	},
	{
		displayName: 'Registrant Email Notification',
		name: 'registrants_email_notification',
		type: 'boolean',
		default: true,
		description: 'Whether registrants get emails about their registration (approval, cancellation, changes)',
	},
	{
		displayName: 'Registrants Confirmation Email',
		name: 'registrants_confirmation_email',
		type: 'boolean',
		default: true,
		description: 'Whether registrants get a confirmation email',
	},
	{
		displayName: 'Registration Type',
		name: 'registration_type',
		type: 'options',
		options: [
			{ name: 'Register Once, Attend Any Occurrence', value: 1 },
			{ name: 'Register for Each Occurrence', value: 2 },
			{ name: 'Register Once, Choose Occurrences', value: 3 },
		],
		default: 1,
		description: 'For recurring meetings with registration',
	},
	bool('Request Permission to Unmute', 'request_permission_to_unmute_participants', 'Whether the host must ask before unmuting participants'),
	bool('Show Join Info', 'show_join_info', 'Whether join information is shown on the registration page'),
	bool('Show Share Button', 'show_share_button', 'Whether the registration page has share buttons'),
	{
		displayName: 'Sign Language Interpretation',
		name: 'sign_language_interpretation',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Sign language interpreters (up to 20); adding one turns it on',
		options: [
			{
				displayName: 'Interpreter',
				name: 'interpreter',
				values: [
					{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
					{ displayName: 'Sign Language', name: 'sign_language', type: 'string', default: '', placeholder: 'e.g. American' },
				],
			},
		],
	},
	{ displayName: 'Summary Template ID', name: 'summary_template_id', type: 'string', default: '' },
	{
		displayName: 'Whiteboards',
		name: 'resources',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Whiteboards shared with the meeting',
		options: [
			{
				displayName: 'Whiteboard',
				name: 'whiteboard',
				values: [
					{ displayName: 'Whiteboard ID', name: 'resource_id', type: 'string', default: '' },
					{
						displayName: 'Permission',
						name: 'permission_level',
						type: 'options',
						options: [
							{ name: 'Editor', value: 'editor' },
							{ name: 'Commenter', value: 'commenter' },
							{ name: 'Viewer', value: 'viewer' },
						],
						default: 'editor',
					},
				],
			},
		],
	},
	bool('Use PMI', 'use_pmi', 'Whether to use the host\'s Personal Meeting ID instead of a new one'),
	bool('Waiting Room', 'waiting_room', 'Whether participants wait until the host admits them'),
	{
		displayName: 'Waiting Room Options',
		name: 'waiting_room_options',
		type: 'fixedCollection',
		default: {},
		options: [
			{
				displayName: 'Options',
				name: 'value',
				values: [
					{
						displayName: 'Mode',
						name: 'mode',
						type: 'options',
						options: [
							{ name: 'Follow Account Setting', value: 'follow_setting' },
							{ name: 'Custom', value: 'custom' },
						],
						default: 'follow_setting',
					},
					{
						displayName: 'Who Goes to the Waiting Room',
						name: 'who_goes_to_waiting_room',
						type: 'options',
						options: [
							{ name: 'Everyone', value: 'everyone' },
							{ name: 'Users Not in the Account', value: 'users_not_in_account' },
							{ name: 'Users Not in the Account or Allowed Domains', value: 'users_not_in_account_or_whitelisted_domains' },
							{ name: 'Users Not on the Invite', value: 'users_not_on_invite' },
						],
						default: 'everyone',
					},
				],
			},
		],
	},
	bool('Watermark', 'watermark', 'Whether shared screens carry a watermark'),
	{
		displayName: 'Who Can Ask AI Companion Questions',
		name: 'who_can_ask_questions',
		type: 'options',
		options: [
			{ name: 'All Participants and Invitees', value: 1 },
			{ name: 'Participants in the Organization', value: 2 },
			{ name: 'Participants in the Organization Who Joined', value: 3 },
			{ name: 'Only the Host', value: 4 },
			{ name: 'Participants Who Joined', value: 5 },
		],
		default: 1,
	},
	{
		displayName: 'Who Receives the Summary',
		name: 'who_will_receive_summary',
		type: 'options',
		options: [
			{ name: 'Only the Host', value: 1 },
			{ name: 'Host and Invitees in the Organization', value: 2 },
			{ name: 'Host and All Invitees', value: 3 },
			{ name: 'Host and Participants in the Organization', value: 4 },
		],
		default: 1,
	},
];

export function meetingSettingsCollection(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Settings',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		options: meetingSettingsOptions,
		...overrides,
	};
}

function list(value: unknown): string[] {
	return String(value ?? '')
		.split(/[,;]/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

function single(value: unknown): IDataObject | undefined {
	const entry = (value as IDataObject | undefined)?.value;
	return entry && typeof entry === 'object' ? (entry as IDataObject) : undefined;
}

function many(value: unknown, key: string): IDataObject[] {
	const entries = (value as IDataObject | undefined)?.[key];
	return Array.isArray(entries) ? (entries as IDataObject[]) : [];
}

const COUNTRY = /^[A-Z]{2}$/;

/** Zoom's `settings` object from the collection, every constrained value checked first. */
export function buildMeetingSettings(values: IDataObject): IDataObject {
	const settings: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		switch (key) {
			case 'alternative_hosts':
				if (String(value).trim() !== '') settings[key] = assertEmailList(value, 'Alternative Hosts');
				break;
			case 'contact_email':
				if (String(value).trim() !== '') settings[key] = assertEmail(value, 'Contact Email');
				break;
			case 'audio_conference_info': {
				const text = optionalString(value, 'Audio Conference Info', { maxLength: 2048 });
				if (text !== undefined) settings[key] = text;
				break;
			}
			case 'approval_type':
				settings[key] = assertEnum(value as number, 'Approval Type', [0, 1, 2] as const);
				break;
			case 'registration_type':
				settings[key] = assertEnum(value as number, 'Registration Type', [1, 2, 3] as const);
				break;
			case 'jbh_time':
				settings[key] = assertEnum(value as number, 'Join Before Host Time', [0, 5, 10, 15] as const);
				break;
			case 'audio':
				settings[key] = assertEnum(value as string, 'Audio', ['both', 'telephony', 'voip', 'thirdParty'] as const);
				break;
			case 'auto_recording':
				settings[key] = assertEnum(value as string, 'Auto Recording', ['local', 'cloud', 'none'] as const);
				break;
			case 'encryption_type':
				settings[key] = assertEnum(value as string, 'Encryption Type', ['enhanced_encryption', 'e2ee'] as const);
				break;
			case 'calendar_type':
				settings[key] = assertEnum(value as number, 'Calendar Type', [1, 2] as const);
				break;
			case 'who_can_ask_questions':
				settings[key] = assertEnum(value as number, 'Who Can Ask AI Companion Questions', [1, 2, 3, 4, 5] as const);
				break;
			case 'who_will_receive_summary':
				settings[key] = assertEnum(value as number, 'Who Receives the Summary', [1, 2, 3, 4] as const);
				break;
			case 'authentication_domains':
			case 'authentication_option':
			case 'contact_name':
			case 'summary_template_id':
				if (String(value).trim() !== '') settings[key] = String(value).trim();
				break;
			case 'global_dial_in_countries': {
				const countries = list(value).map((code) => code.toUpperCase());
				for (const code of countries) {
					if (!COUNTRY.test(code)) throw new InvalidParameterError('Global Dial-in Countries', `"${code}" is not a country code`, 'two-letter country codes such as US, DE');
				}
				if (countries.length > 0) settings[key] = countries;
				break;
			}
			case 'additional_data_center_regions': {
				const regions = list(value).map((code) => code.toUpperCase());
				if (regions.length > 0) settings[key] = regions;
				break;
			}
			case 'auto_add_recording_to_video_management': {
				const channels = list(value);
				if (channels.length > 5) {
					throw new InvalidParameterError('Add Recording to Video Management', `${channels.length} channels`, 'at most 5 channel IDs');
				}
				if (channels.length > 0) settings[key] = { enable: true, channels: channels.map((id) => ({ channel_id: id })) };
				break;
			}
			case 'resources': {
				const boards = many(value, 'whiteboard').map((board) => ({
					resource_type: 'whiteboard',
					resource_id: requireString(board.resource_id, 'Whiteboards'),
					permission_level: assertEnum(board.permission_level as string, 'Whiteboards', ['editor', 'commenter', 'viewer'] as const),
				}));
				if (boards.length > 0) settings[key] = boards;
				break;
			}
			case 'meeting_invitees': {
				const emails = list(value).map((email) => ({ email: assertEmail(email, 'Meeting Invitees') }));
				if (emails.length > 0) settings[key] = emails;
				break;
			}
			case 'approved_or_denied_countries_or_regions': {
				const entry = single(value);
				if (!entry) break;
				const method = assertEnum(entry.method as string, 'Approved or Denied Countries', ['approve', 'deny'] as const);
				const countries = list(entry.countries).map((code) => code.toUpperCase());
				for (const code of countries) {
					if (!COUNTRY.test(code)) throw new InvalidParameterError('Approved or Denied Countries', `"${code}" is not a country code`, 'two-letter country codes such as US, DE');
				}
				settings[key] = { enable: true, method, [method === 'approve' ? 'approved_list' : 'denied_list']: countries };
				break;
			}
			case 'authentication_exception': {
				const people = many(value, 'participant').map((person) => ({
					name: String(person.name ?? ''),
					email: assertEmail(person.email, 'Authentication Exceptions'),
				}));
				if (people.length > 0) settings[key] = people;
				break;
			}
			case 'breakout_room': {
				const rooms = many(value, 'room').map((room) => {
					const name = String(room.name ?? '').trim();
					if (!name) throw new InvalidParameterError('Breakout Room Pre-Assignment', 'a room has no name', 'a name for each room');
					return { name, participants: list(room.participants).map((email) => assertEmail(email, 'Breakout Room Pre-Assignment')) };
				});
				if (rooms.length > 50) throw new InvalidParameterError('Breakout Room Pre-Assignment', `${rooms.length} rooms`, 'at most 50 rooms');
				if (rooms.length > 0) settings[key] = { enable: true, rooms };
				break;
			}
			case 'language_interpretation': {
				const interpreters = many(value, 'interpreter').map((interpreter) => {
					const languages = list(interpreter.languages);
					if (languages.length !== 2) {
						throw new InvalidParameterError('Language Interpretation', `"${String(interpreter.languages ?? '')}" is not a language pair`, 'two language codes separated by a comma, e.g. US,FR');
					}
					return { email: assertEmail(interpreter.email, 'Language Interpretation'), languages: languages.join(',') };
				});
				if (interpreters.length > 0) settings[key] = { enable: true, interpreters };
				break;
			}
			case 'sign_language_interpretation': {
				const interpreters = many(value, 'interpreter').map((interpreter) => ({
					email: assertEmail(interpreter.email, 'Sign Language Interpretation'),
					sign_language: String(interpreter.sign_language ?? ''),
				}));
				if (interpreters.length > 20) throw new InvalidParameterError('Sign Language Interpretation', `${interpreters.length} interpreters`, 'at most 20 interpreters');
				if (interpreters.length > 0) settings[key] = { enable: true, interpreters };
				break;
			}
			case 'continuous_meeting_chat':
			case 'question_and_answer':
			case 'waiting_room_options': {
				const entry = single(value);
				if (entry) settings[key] = { ...entry };
				break;
			}
			default:
				if (typeof value === 'boolean') settings[key] = value;
		}
	}
	return settings;
}
