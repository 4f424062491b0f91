import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { occurrenceFields, readOccurrenceReports } from './common';

const properties: INodeProperties[] = [
	...eventTargetFields().map((field) =>
		field.name === 'eventType' ? { ...field, default: 'meeting', description: 'Whether the polls ran in a meeting or a webinar' } : field,
	),
	...occurrenceFields(true),
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item per Answer', value: 'answer', description: 'Flat rows: respondent, question and answer' },
			{ name: 'One Item per Respondent', value: 'respondent', description: 'Each respondent with all their answers' },
		],
		default: 'respondent',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['pollResults'] } }, properties);

interface PollRespondent extends IDataObject {
	name?: string;
	email?: string;
	first_name?: string;
	last_name?: string;
	question_details?: IDataObject[];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = getEventTarget.call(this, itemIndex);
	const output = this.getNodeParameter('output', itemIndex) as 'answer' | 'respondent';

	const results: IDataObject[] = [];
	for (const { report, context } of await readOccurrenceReports.call(this, target, itemIndex, 'polls')) {
		for (const respondent of (report.questions ?? []) as PollRespondent[]) {
			if (output === 'respondent') {
				results.push({ ...context, ...respondent });
				continue;
			}
			const { question_details: answers = [], ...person } = respondent;
			for (const answer of answers) results.push({ ...context, ...person, ...answer });
		}
	}
	return results;
}
