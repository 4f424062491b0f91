import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Zoom's email languages for webinar notifications (settings.email_language). */
const EMAIL_LANGUAGES: INodePropertyOptions[] = [
	{ name: 'Chinese (Simplified)', value: 'zh-CN' },
	{ name: 'Chinese (Traditional)', value: 'zh-TW' },
	{ name: 'Dutch', value: 'nl-NL' },
	{ name: 'English (US)', value: 'en-US' },
	{ name: 'French', value: 'fr-FR' },
	{ name: 'German', value: 'de-DE' },
	{ name: 'Indonesian', value: 'id-ID' },
	{ name: 'Italian', value: 'it-IT' },
	{ name: 'Japanese', value: 'jp-JP' },
	{ name: 'Korean', value: 'ko-KO' },
	{ name: 'Polish', value: 'pl-PL' },
	{ name: 'Portuguese', value: 'pt-PT' },
	{ name: 'Russian', value: 'ru-RU' },
	{ name: 'Spanish', value: 'es-ES' },
	{ name: 'Turkish', value: 'tr-TR' },
	{ name: 'Vietnamese', value: 'vi-VN' },
];

const REMINDER_PLANS: INodePropertyOptions[] = [
	{ name: 'None', value: 0 },
	{ name: '1 Hour Before', value: 1 },
	{ name: '1 Day Before', value: 2 },
	{ name: '1 Hour and 1 Day Before', value: 3 },
	{ name: '1 Week Before', value: 4 },
	{ name: '1 Hour and 1 Week Before', value: 5 },
	{ name: '1 Day and 1 Week Before', value: 6 },
	{ name: '1 Hour, 1 Day and 1 Week Before', value: 7 },
];

const FOLLOW_UP_PLANS: INodePropertyOptions[] = [
	{ name: 'None', value: 0 },
	...[1, 2, 3, 4, 5, 6, 7].map((days) => ({ name: `${days} Day${days > 1 ? 's' : ''} After the End Date`, value: days })),
];

/**
 * Webinar settings (settings object of POST /users/{userId}/webinars and PATCH /webinars/{id}),
 * as one collection whose option names are Zoom's field names. Nested Zoom objects are modelled
 * as single choices and expanded by {@link buildWebinarSettings}.
 */
export const webinarSettingsOptions: INodeProperties[] = [
	{
		displayName: 'Add Audio Watermark',
		name: 'add_audio_watermark',
		type: 'boolean',
		default: false,
		description: 'Whether to add an audio watermark that identifies the participants',
	},
	{
		displayName: 'Add Watermark',
		name: 'add_watermark',
		type: 'boolean',
		default: false,
		description: 'Whether to add a watermark that identifies the viewing participant',
	},
	{
		displayName: 'Allow Host to Control Mute State',
		name: 'allow_host_control_participant_mute_state',
		type: 'boolean',
		default: false,
		description: 'Whether the host and co-hosts can fully control the mute state of participants',
	},
	{
		displayName: 'Allow Multiple Devices',
		name: 'allow_multiple_devices',
		type: 'boolean',
		default: false,
		description: 'Whether attendees may join from multiple devices',
	},
	{
		displayName: 'Alternative Hosts',
		name: 'alternative_hosts',
		type: 'string',
		default: '',
		placeholder: 'e.g. cohost@example.com, other@example.com',
		description: 'Emails or user IDs of alternative hosts, comma-separated',
	},
	{
		displayName: 'Alternative Hosts Can Edit Polls',
		name: 'alternative_host_update_polls',
		type: 'boolean',
		default: false,
		description: 'Whether alternative hosts may add or edit polls (Zoom 5.8.0 or higher)',
	},
	{
		displayName: 'Approval Type',
		name: 'approval_type',
		type: 'options',
		options: [
			{ name: 'Automatically Approve', value: 0 },
			{ name: 'Manually Approve', value: 1 },
			{ name: 'No Registration Required', value: 2 },
		],
		default: 2,
		description: 'Registration is required with automatic or manual approval',
	},
	{
		displayName: 'Attendee and Panelist Reminder Email',
		name: 'attendees_and_panelists_reminder_email_notification',
		type: 'options',
		options: REMINDER_PLANS,
		default: 0,
		description: 'When Zoom sends reminder emails to attendees and panelists',
	},
	{
		displayName: 'Audio',
		name: 'audio',
		type: 'options',
		options: [
			{ name: 'Both Telephony and VoIP', value: 'both' },
			{ name: 'Telephony Only', value: 'telephony' },
			{ name: 'Third Party Audio', value: 'thirdParty' },
			{ name: 'VoIP Only', value: 'voip' },
		],
		default: 'both',
		description: 'How participants can join the audio portion',
	},
	{
		displayName: 'Audio Conference Info',
		name: 'audio_conference_info',
		type: 'string',
		typeOptions: { maxLength: 2048 },
		default: '',
		description: 'Third-party audio conference information (up to 2048 characters)',
	},
	{
		displayName: 'Authentication Domains',
		name: 'authentication_domains',
		type: 'string',
		default: '',
		placeholder: 'e.g. example.com',
		description: 'Domains whose signed-in Zoom users may join, when Meeting Authentication is on',
	},
	{
		displayName: 'Authentication Option',
		name: 'authentication_option',
		type: 'string',
		default: '',
		description: 'ID of the authentication profile (from the user settings) used with Meeting Authentication',
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
		displayName: 'Close Registration After Event Date',
		name: 'close_registration',
		type: 'boolean',
		default: false,
		description: 'Whether registration closes after the event date',
	},
	{
		displayName: 'Contact Email',
		name: 'contact_email',
		type: 'string',
		default: '',
		placeholder: 'e.g. events@example.com',
		description: 'Contact email shown on the registration page',
	},
	{
		displayName: 'Contact Name',
		name: 'contact_name',
		type: 'string',
		default: '',
		description: 'Contact name shown on the registration page',
	},
	{
		displayName: 'Email in Attendee Report',
		name: 'email_in_attendee_report',
		type: 'boolean',
		default: false,
		description: "Whether guests' email addresses appear in attendee reports",
	},
	{
		displayName: 'Email Language',
		name: 'email_language',
		type: 'options',
		options: EMAIL_LANGUAGES,
		default: 'en-US',
		description: 'Language of the emails Zoom sends for this webinar',
	},
	{
		displayName: 'Enable Session Branding',
		name: 'enable_session_branding',
		type: 'boolean',
		default: false,
		description: 'Whether webinar session branding (backgrounds, name tags) is enabled',
	},
	{
		displayName: 'Follow-Up Email to Absentees',
		name: 'follow_up_absentees_email_notification',
		type: 'options',
		options: FOLLOW_UP_PLANS,
		default: 0,
	},
	{
		displayName: 'Follow-Up Email to Attendees',
		name: 'follow_up_attendees_email_notification',
		type: 'options',
		options: FOLLOW_UP_PLANS,
		default: 0,
	},
	{
		displayName: 'Global Dial-In Countries',
		name: 'global_dial_in_countries',
		type: 'string',
		default: '',
		placeholder: 'e.g. US, DE, FR',
		description: 'Two-letter country codes of the dial-in numbers to offer, comma-separated',
	},
	{
		displayName: 'HD Video',
		name: 'hd_video',
		type: 'boolean',
		default: false,
		description: 'Whether HD video is the default',
	},
	{
		displayName: 'HD Video for Attendees',
		name: 'hd_video_for_attendees',
		type: 'boolean',
		default: false,
		description: 'Whether attendees receive HD video',
	},
	{
		displayName: 'Host Video',
		name: 'host_video',
		type: 'boolean',
		default: false,
		description: 'Whether video starts when the host joins',
	},
	{
		displayName: 'Meeting Authentication',
		name: 'meeting_authentication',
		type: 'boolean',
		default: false,
		description: 'Whether only authenticated users can join',
	},
	{
		displayName: 'On Demand',
		name: 'on_demand',
		type: 'boolean',
		default: false,
		description: 'Whether the webinar is available on demand',
	},
	{
		displayName: 'Panelist Authentication',
		name: 'panelist_authentication',
		type: 'boolean',
		default: false,
		description: 'Whether panelists must authenticate to join',
	},
	{
		displayName: 'Panelist Invitation Email',
		name: 'panelists_invitation_email_notification',
		type: 'boolean',
		default: true,
		description: 'Whether Zoom emails an invitation to panelists',
	},
	{
		displayName: 'Panelist Video',
		name: 'panelists_video',
		type: 'boolean',
		default: false,
		description: 'Whether video starts when panelists join',
	},
	{
		displayName: 'Post-Webinar Survey',
		name: 'post_webinar_survey',
		type: 'boolean',
		default: false,
		description: "Whether a survey page opens in attendees' browsers when they leave",
	},
	{
		displayName: 'Practice Session',
		name: 'practice_session',
		type: 'boolean',
		default: false,
		description: 'Whether the webinar starts with a practice session for host and panelists',
	},
	{
		displayName: 'Q&A',
		name: 'question_and_answer',
		type: 'fixedCollection',
		default: {},
		options: [
			{
				displayName: 'Q&A',
				name: 'values',
				values: [
					{
						displayName: 'Allow Anonymous Questions',
						name: 'allow_anonymous_questions',
						type: 'boolean',
						default: false,
						description: 'Whether attendees may ask without giving their name',
					},
					{
						displayName: 'Allow Submit Questions',
						name: 'allow_submit_questions',
						type: 'boolean',
						default: true,
						description: 'Whether attendees may submit questions',
					},
					{
						displayName: 'Attendees Can Comment',
						name: 'attendees_can_comment',
						type: 'boolean',
						default: false,
						description: 'Whether attendees may answer or comment in question threads',
					},
					{
						displayName: 'Attendees Can Upvote',
						name: 'attendees_can_upvote',
						type: 'boolean',
						default: false,
						description: 'Whether attendees may upvote questions',
					},
					{
						displayName: 'Attendees Can View',
						name: 'answer_questions',
						type: 'options',
						options: [
							{ name: 'All Questions', value: 'all' },
							{ name: 'Answered Questions Only', value: 'only' },
						],
						default: 'only',
					},
					{
						displayName: 'Enable',
						name: 'enable',
						type: 'boolean',
						default: true,
						description: 'Whether Q&A is enabled',
					},
				],
			},
		],
	},
	{
		displayName: 'Registrant Confirmation Email',
		name: 'registrants_confirmation_email',
		type: 'boolean',
		default: true,
		description: 'Whether registrants receive a confirmation email',
	},
	{
		displayName: 'Registrant Email Notification',
		name: 'registrants_email_notification',
		type: 'boolean',
		default: true,
		description: 'Whether registrants are emailed about approval, cancellation and denial',
	},
	{
		displayName: 'Registrant Limit',
		name: 'registrants_restrict_number',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 20000, numberPrecision: 0 },
		default: 0,
		description: 'Maximum number of registrants (0 = no limit, up to 20,000)',
	},
	{
		displayName: 'Registration Type',
		name: 'registration_type',
		type: 'options',
		options: [
			{ name: 'Register Once, Attend Any Session', value: 1 },
			{ name: 'Register for Each Session', value: 2 },
			{ name: 'Register Once, Choose Sessions', value: 3 },
		],
		default: 1,
		description: 'For recurring webinars with a fixed time',
	},
	{
		displayName: 'Request Permission to Unmute',
		name: 'request_permission_to_unmute_participants',
		type: 'boolean',
		default: false,
		description: 'Whether the host must ask participants for permission to unmute them',
	},
	{
		displayName: 'Send 1080p Video to Attendees',
		name: 'send_1080p_video_to_attendees',
		type: 'boolean',
		default: false,
		description: 'Whether attendees always receive 1080p video',
	},
	{
		displayName: 'Show Join Info',
		name: 'show_join_info',
		type: 'boolean',
		default: false,
		description: 'Whether the join information shows on the registration confirmation page',
	},
	{
		displayName: 'Show Share Button',
		name: 'show_share_button',
		type: 'boolean',
		default: false,
		description: 'Whether social share buttons show on the registration page',
	},
	{
		displayName: 'Survey URL',
		name: 'survey_url',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/survey',
		description: 'URL of the post-webinar survey',
	},
];

const NOTIFICATION_OBJECTS = [
	'attendees_and_panelists_reminder_email_notification',
	'follow_up_absentees_email_notification',
	'follow_up_attendees_email_notification',
];

/** Turns the Settings collection into Zoom's settings object. */
export function buildWebinarSettings(collection: IDataObject): IDataObject {
	const settings: IDataObject = {};
	for (const [name, value] of Object.entries(collection)) {
		if (NOTIFICATION_OBJECTS.includes(name)) {
			settings[name] = { enable: value !== 0, type: value };
		} else if (name === 'question_and_answer') {
			const values = (value as IDataObject).values as IDataObject | undefined;
			if (values) settings[name] = values;
		} else if (name === 'global_dial_in_countries') {
			settings[name] = String(value)
				.split(',')
				.map((code) => code.trim().toUpperCase())
				.filter((code) => code !== '');
		} else {
			settings[name] = value;
		}
	}
	return settings;
}
