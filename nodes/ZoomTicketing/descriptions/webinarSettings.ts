import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { assertInteger, InvalidParameterError } from '../helpers/validation';
import { buildMeetingSettings, meetingSettingsOptions } from './meetingSettings';

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

/** Settings that only webinars have (or that differ from the meeting's, like Q&A). */
const webinarOnlyOptions: INodeProperties[] = [
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
		displayName: 'Attendee and Panelist Reminder Email',
		name: 'attendees_and_panelists_reminder_email_notification',
		type: 'options',
		options: REMINDER_PLANS,
		default: 0,
		description: 'When Zoom sends reminder emails to attendees and panelists',
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
		displayName: 'Registrant Limit',
		name: 'registrants_restrict_number',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 20000, numberPrecision: 0 },
		default: 0,
		description: 'Maximum number of registrants (0 = no limit, up to 20,000)',
	},
	{
		displayName: 'Send 1080p Video to Attendees',
		name: 'send_1080p_video_to_attendees',
		type: 'boolean',
		default: false,
		description: 'Whether attendees always receive 1080p video',
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

/** Settings meetings and webinars share in Zoom's OpenAPI: the meeting's definitions and checks are used as they are. */
const SHARED_WITH_MEETINGS = new Set([
	'additional_data_center_regions',
	'allow_multiple_devices',
	'alternative_host_update_polls',
	'alternative_hosts',
	'approval_type',
	'audio',
	'audio_conference_info',
	'authentication_domains',
	'authentication_option',
	'auto_recording',
	'close_registration',
	'contact_email',
	'contact_name',
	'email_in_attendee_report',
	'global_dial_in_countries',
	'host_video',
	'language_interpretation',
	'meeting_authentication',
	'registrants_confirmation_email',
	'registrants_email_notification',
	'registration_type',
	'request_permission_to_unmute_participants',
	'show_join_info',
	'show_share_button',
	'sign_language_interpretation',
]);

/**
 * Webinar settings (the settings object of POST /users/{userId}/webinars and PATCH
 * /webinars/{id}) as one collection whose option names are Zoom's field names.
 */
export const webinarSettingsOptions: INodeProperties[] = [
	...meetingSettingsOptions.filter((option) => SHARED_WITH_MEETINGS.has(option.name)),
	...webinarOnlyOptions,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

const NOTIFICATION_OBJECTS = [
	'attendees_and_panelists_reminder_email_notification',
	'follow_up_absentees_email_notification',
	'follow_up_attendees_email_notification',
];

/** Turns the Settings collection into Zoom's settings object, checking every constrained value. */
export function buildWebinarSettings(collection: IDataObject): IDataObject {
	const shared: IDataObject = {};
	const settings: IDataObject = {};
	for (const [name, value] of Object.entries(collection)) {
		if (SHARED_WITH_MEETINGS.has(name)) {
			shared[name] = value;
		} else if (NOTIFICATION_OBJECTS.includes(name)) {
			settings[name] = { enable: value !== 0, type: value };
		} else if (name === 'question_and_answer') {
			const values = (value as IDataObject).values as IDataObject | undefined;
			if (values) settings[name] = values;
		} else if (name === 'registrants_restrict_number') {
			settings[name] = assertInteger(value, 'Settings > Registrant Limit', { min: 0, max: 20000 });
		} else if (name === 'survey_url') {
			if (!/^https?:\/\/[^\s/]+\S*$/i.test(String(value))) {
				throw new InvalidParameterError('Settings > Survey URL', `"${String(value)}" is not a URL`, 'an absolute URL such as https://example.com/survey');
			}
			settings[name] = value;
		} else {
			settings[name] = value;
		}
	}
	return { ...buildMeetingSettings(shared), ...settings };
}
