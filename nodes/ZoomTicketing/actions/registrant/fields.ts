import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { EventKind } from '../../helpers/eventKind';
import {
	assertEmail,
	assertEnum,
	assertOccurrenceId,
	InvalidParameterError,
	optionalString,
	requireString,
} from '../../helpers/validation';

const NO_OF_EMPLOYEES = ['1-20', '21-50', '51-100', '101-500', '500-1,000', '1,001-5,000', '5,001-10,000', 'More than 10,000'];
const PURCHASING_TIME_FRAME = ['Within a month', '1-3 months', '4-6 months', 'More than 6 months', 'No timeframe'];
const ROLE_IN_PURCHASE = ['Decision Maker', 'Evaluator/Recommender', 'Influencer', 'Not involved'];
const LANGUAGES: Array<[string, string]> = [
	['Chinese (Simplified)', 'zh-CN'],
	['Chinese (Traditional)', 'zh-TW'],
	['English (US)', 'en-US'],
	['French', 'fr-FR'],
	['German', 'de-DE'],
	['Italian', 'it-IT'],
	['Japanese', 'jp-JP'],
	['Korean', 'ko-KO'],
	['Polish', 'pl-PL'],
	['Portuguese', 'pt-PT'],
	['Russian', 'ru-RU'],
	['Spanish', 'es-ES'],
	['Turkish', 'Tr-TR'],
	['Vietnamese', 'vi-VN'],
];

export const emailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'e.g. name@example.com',
	default: '',
	required: true,
};

export const firstNameField: INodeProperties = {
	displayName: 'First Name',
	name: 'firstName',
	type: 'string',
	typeOptions: { maxLength: 64 },
	default: '',
	required: true,
};

export const lastNameField: INodeProperties = {
	displayName: 'Last Name',
	name: 'lastName',
	type: 'string',
	typeOptions: { maxLength: 64 },
	default: '',
};

const stringOption = (displayName: string, name: string, placeholder?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(placeholder ? { placeholder } : {}),
});

/** The standard registration fields of POST /meetings|webinars/{id}/registrants. */
export const registrantAdditionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		stringOption('Address', 'address'),
		{
			displayName: 'Auto Approve',
			name: 'auto_approve',
			type: 'boolean',
			default: false,
			description: 'Whether to approve the registrant even though the meeting is set to manual approval',
			displayOptions: { show: { '/eventType': ['meeting'] } },
		},
		stringOption('City', 'city'),
		stringOption('Comments', 'comments'),
		stringOption('Country', 'country', 'e.g. US'),
		stringOption('Industry', 'industry'),
		stringOption('Job Title', 'job_title'),
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: LANGUAGES.map(([name, value]) => ({ name, value })),
			default: 'en-US',
			description: 'Language of the confirmation email',
		},
		{
			displayName: 'Number of Employees',
			name: 'no_of_employees',
			type: 'options',
			options: NO_OF_EMPLOYEES.map((value) => ({ name: value, value })),
			default: '1-20',
		},
		{
			displayName: 'Occurrence IDs',
			name: 'occurrence_ids',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1648194360000',
			description: 'Register for these occurrences of a recurring event only, comma-separated',
		},
		stringOption('Organization', 'org'),
		stringOption('Phone', 'phone'),
		{
			displayName: 'Purchasing Time Frame',
			name: 'purchasing_time_frame',
			type: 'options',
			options: PURCHASING_TIME_FRAME.map((value) => ({ name: value, value })),
			default: 'Within a month',
		},
		{
			displayName: 'Role in Purchase Process',
			name: 'role_in_purchase_process',
			type: 'options',
			options: ROLE_IN_PURCHASE.map((value) => ({ name: value, value })),
			default: 'Decision Maker',
		},
		{
			displayName: 'Source ID',
			name: 'source_id',
			type: 'string',
			default: '',
			description: 'The tracking source the registration is attributed to',
			displayOptions: { show: { '/eventType': ['webinar'] } },
		},
		stringOption('State', 'state'),
		stringOption('ZIP', 'zip'),
	],
};

export const customQuestionsField: INodeProperties = {
	displayName: 'Custom Questions',
	name: 'customQuestions',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Answer',
	default: {},
	options: [
		{
			displayName: 'Answer',
			name: 'answers',
			values: [
				{ displayName: 'Question Title', name: 'title', type: 'string', default: '' },
				{ displayName: 'Answer', name: 'value', type: 'string', typeOptions: { maxLength: 128 }, default: '' },
			],
		},
	],
};

export interface RegistrantRequest {
	body: IDataObject;
	qs: IDataObject;
}

/** Validates one registrant's values and builds Zoom's request body and query. */
export function buildRegistrantRequest(
	input: { email: unknown; firstName: unknown; lastName?: unknown; additional?: IDataObject; answers?: IDataObject[] },
	kind: EventKind,
): RegistrantRequest {
	const body: IDataObject = {
		email: assertEmail(input.email, 'Email'),
		first_name: requireString(input.firstName, 'First Name', { maxLength: 64 }),
	};
	const lastName = optionalString(input.lastName, 'Last Name', { maxLength: 64 });
	if (lastName) body.last_name = lastName;

	const qs: IDataObject = {};
	for (const [name, value] of Object.entries(input.additional ?? {})) {
		if (value === '' || value === undefined) continue;
		if (name === 'occurrence_ids') {
			qs.occurrence_ids = String(value)
				.split(',')
				.map((id) => assertOccurrenceId(id, 'Occurrence IDs'))
				.join(',');
		} else if (name === 'no_of_employees') body[name] = assertEnum(value, 'Number of Employees', NO_OF_EMPLOYEES);
		else if (name === 'purchasing_time_frame') body[name] = assertEnum(value, 'Purchasing Time Frame', PURCHASING_TIME_FRAME);
		else if (name === 'role_in_purchase_process') body[name] = assertEnum(value, 'Role in Purchase Process', ROLE_IN_PURCHASE);
		else if (name === 'language') body[name] = assertEnum(value, 'Language', LANGUAGES.map(([, code]) => code));
		else if (name === 'auto_approve') {
			if (kind === 'meeting') body[name] = value;
		} else if (name === 'source_id') {
			if (kind === 'webinar') body[name] = value;
		} else if (name === 'country') {
			const code = String(value).trim().toUpperCase();
			if (!/^[A-Z]{2}$/.test(code)) throw new InvalidParameterError('Country', `"${String(value)}" is not a country code`, 'a two-letter ISO country code such as US or DE');
			body[name] = code;
		} else body[name] = value;
	}

	const answers = (input.answers ?? []).filter((answer) => answer.title !== '' && answer.title !== undefined);
	if (answers.length > 0) {
		body.custom_questions = answers.map((answer) => ({
			title: requireString(answer.title, 'Custom Questions > Question Title'),
			value: optionalString(answer.value === undefined ? '' : String(answer.value), 'Custom Questions > Answer', { maxLength: 128 }) ?? '',
		}));
	}
	return { body, qs };
}
