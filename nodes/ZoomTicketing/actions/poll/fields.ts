import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildPollBody } from '../../helpers/pollBody';

export const pollIdField: INodeProperties = {
	displayName: 'Poll ID',
	name: 'pollId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. QalIoKWLTJehBJ8e1xRrbQ',
};

const QUESTION_TYPE_OPTIONS = [
	{ name: 'Fill in the Blank', value: 'fill_in_the_blank' },
	{ name: 'Long Answer', value: 'long_answer' },
	{ name: 'Multiple Choice', value: 'multiple' },
	{ name: 'Rating Scale', value: 'rating_scale' },
	{ name: 'Short Answer', value: 'short_answer' },
	{ name: 'Single Choice', value: 'single' },
];

/** Title, type, anonymity and questions of a poll (create and update, which replaces the poll). */
export const pollFields: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		typeOptions: { maxLength: 64 },
		default: '',
		required: true,
		placeholder: 'e.g. Session feedback',
	},
	{
		displayName: 'Poll Type',
		name: 'pollType',
		type: 'options',
		options: [
			{ name: 'Poll', value: 1, description: 'Single and multiple choice questions' },
			{ name: 'Advanced Poll', value: 2, description: 'All question types (must be enabled in the Zoom account)' },
			{ name: 'Quiz', value: 3, description: 'Questions with right answers (must be enabled in the Zoom account)' },
		],
		default: 1,
	},
	{
		displayName: 'Anonymous',
		name: 'anonymous',
		type: 'boolean',
		default: false,
		description: 'Whether participants answer anonymously',
	},
	{
		displayName: 'Questions',
		name: 'questions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Question',
		default: {},
		options: [
			{
				displayName: 'Question',
				name: 'question',
				values: [
					{
						displayName: 'Answer Required',
						name: 'answerRequired',
						type: 'boolean',
						default: false,
						description: 'Whether participants must answer',
					},
					{
						displayName: 'Answers',
						name: 'answers',
						type: 'string',
						default: '',
						placeholder: 'e.g. Yes, No, Maybe',
						description: 'For single and multiple choice: 2 to 10 answers, comma-separated',
					},
					{
						displayName: 'Case Sensitive',
						name: 'caseSensitive',
						type: 'boolean',
						default: false,
						description: 'Whether fill-in-the-blank answers are case sensitive',
					},
					{
						displayName: 'Max Characters',
						name: 'answerMaxCharacter',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 2000, numberPrecision: 0 },
						default: 500,
						description: 'Longest short (up to 500) or long (up to 2,000) answer',
					},
					{
						displayName: 'Min Characters',
						name: 'answerMinCharacter',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 1,
						description: 'Shortest short or long answer',
					},
					{
						displayName: 'Question',
						name: 'name',
						type: 'string',
						typeOptions: { maxLength: 1024 },
						default: '',
					},
					{
						displayName: 'Rating Max Label',
						name: 'ratingMaxLabel',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Rating Max Value',
						name: 'ratingMaxValue',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
						default: 5,
					},
					{
						displayName: 'Rating Min Label',
						name: 'ratingMinLabel',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Rating Min Value',
						name: 'ratingMinValue',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 9, numberPrecision: 0 },
						default: 0,
					},
					{
						displayName: 'Right Answers',
						name: 'rightAnswers',
						type: 'string',
						default: '',
						placeholder: 'e.g. Yes',
						description: 'Correct answer(s), comma-separated; required for quiz questions',
					},
					{
						displayName: 'Show as Drop-Down',
						name: 'showAsDropdown',
						type: 'boolean',
						default: false,
						description: 'Whether a single choice shows as a drop-down box',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: QUESTION_TYPE_OPTIONS,
						default: 'single',
					},
				],
			},
		],
	},
];

export function readPollBody(this: IExecuteFunctions, itemIndex: number): Record<string, unknown> {
	const questions = this.getNodeParameter('questions.question', itemIndex, []) as IDataObject[];
	return buildPollBody({
		title: this.getNodeParameter('title', itemIndex),
		pollType: this.getNodeParameter('pollType', itemIndex),
		anonymous: this.getNodeParameter('anonymous', itemIndex, false),
		questions: questions.map((question) => {
			const type = question.type;
			const chars = type === 'short_answer' || type === 'long_answer';
			return {
				...question,
				answerMinCharacter: chars ? question.answerMinCharacter : undefined,
				answerMaxCharacter: chars ? question.answerMaxCharacter : undefined,
				ratingMinValue: type === 'rating_scale' ? question.ratingMinValue : undefined,
				ratingMaxValue: type === 'rating_scale' ? question.ratingMaxValue : undefined,
			};
		}),
	});
}
