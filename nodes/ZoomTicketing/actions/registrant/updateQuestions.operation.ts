import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { assertEnum, InvalidParameterError, requireString } from '../../helpers/validation';
import { zoomApiRequest } from '../../transport';

const STANDARD_FIELDS: Array<[string, string]> = [
	['Address', 'address'],
	['City', 'city'],
	['Comments', 'comments'],
	['Country', 'country'],
	['Industry', 'industry'],
	['Job Title', 'job_title'],
	['Last Name', 'last_name'],
	['Number of Employees', 'no_of_employees'],
	['Organization', 'org'],
	['Phone', 'phone'],
	['Purchasing Time Frame', 'purchasing_time_frame'],
	['Role in Purchase Process', 'role_in_purchase_process'],
	['State', 'state'],
	['ZIP', 'zip'],
];
const MEETING_QUESTION_TYPES = ['short', 'single'];
const WEBINAR_QUESTION_TYPES = ['short', 'single_radio', 'single_dropdown', 'multiple'];

const properties: INodeProperties[] = [
	...eventTargetFields(),
	{
		displayName: 'Zoom replaces the whole form: fields left out here are removed from the registration form',
		name: 'replaceNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Standard Questions',
		name: 'standardQuestions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Question',
		default: {},
		options: [
			{
				displayName: 'Question',
				name: 'questions',
				values: [
					{
						displayName: 'Field',
						name: 'field_name',
						type: 'options',
						options: STANDARD_FIELDS.map(([name, value]) => ({ name, value })),
						default: 'last_name',
					},
					{
						displayName: 'Required',
						name: 'required',
						type: 'boolean',
						default: false,
						description: 'Whether registrants must fill in this field',
					},
				],
			},
		],
	},
	{
		displayName: 'Custom Questions',
		name: 'customQuestions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Question',
		default: {},
		options: [
			{
				displayName: 'Custom Question',
				name: 'questions',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Multiple Choice', value: 'multiple' },
							{ name: 'Short Answer', value: 'short' },
							{ name: 'Single Choice', value: 'single' },
							{ name: 'Single Choice (Drop-Down)', value: 'single_dropdown' },
							{ name: 'Single Choice (Radio)', value: 'single_radio' },
						],
						default: 'short',
						description: 'Meetings accept Short Answer and Single Choice; webinars accept all but Single Choice',
					},
					{
						displayName: 'Answers',
						name: 'answers',
						type: 'string',
						default: '',
						placeholder: 'e.g. Beginner, Intermediate, Expert',
						description: 'Answer choices, comma-separated (not for short answers)',
					},
					{
						displayName: 'Required',
						name: 'required',
						type: 'boolean',
						default: false,
						description: 'Whether registrants must answer',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['registrant'], operation: ['updateQuestions'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = getEventTarget.call(this, itemIndex);
	const standard = this.getNodeParameter('standardQuestions.questions', itemIndex, []) as IDataObject[];
	const custom = this.getNodeParameter('customQuestions.questions', itemIndex, []) as IDataObject[];
	const allowedTypes = target.kind === 'meeting' ? MEETING_QUESTION_TYPES : WEBINAR_QUESTION_TYPES;

	const questions = standard.map((question) => ({
		field_name: assertEnum(question.field_name, 'Standard Questions > Field', STANDARD_FIELDS.map(([, value]) => value)),
		required: question.required === true,
	}));
	const customQuestions = custom.map((question) => {
		const title = requireString(question.title, 'Custom Questions > Title');
		const type = assertEnum(question.type, `Custom Questions > Type (${target.kind})`, allowedTypes);
		const answers = String(question.answers ?? '')
			.split(',')
			.map((answer) => answer.trim())
			.filter((answer) => answer !== '');
		if (type !== 'short' && answers.length === 0) {
			throw new InvalidParameterError('Custom Questions > Answers', `"${title}" is a choice question without answers`, 'at least one answer, comma-separated');
		}
		return { title, type, required: question.required === true, ...(type === 'short' ? {} : { answers }) };
	});

	await zoomApiRequest.call(this, 'PATCH', `${target.path}/registrants/questions`, { questions, custom_questions: customQuestions });
	return { updated: true, questions, custom_questions: customQuestions };
}
