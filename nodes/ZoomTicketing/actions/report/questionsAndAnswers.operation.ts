import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { occurrenceFields, readOccurrenceReports } from './common';

const properties: INodeProperties[] = [
	...eventTargetFields().map((field) =>
		field.name === 'eventType'
			? { ...field, default: 'meeting', description: 'Whether the questions were asked in a meeting or a webinar' }
			: field,
	),
	...occurrenceFields(true),
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['questionsAndAnswers'] } }, properties);

interface Asker extends IDataObject {
	user_id?: string;
	name?: string;
	email?: string;
	question_details?: IDataObject[];
}

/** One item per question, with who asked it and Zoom's answers. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = getEventTarget.call(this, itemIndex);
	const results: IDataObject[] = [];
	for (const { report, context } of await readOccurrenceReports.call(this, target, itemIndex, 'qa')) {
		for (const asker of (report.questions ?? []) as Asker[]) {
			const { question_details: questions = [], ...person } = asker;
			for (const question of questions) {
				results.push({ ...context, asker_user_id: person.user_id ?? '', asker_name: person.name ?? '', asker_email: person.email ?? '', ...question });
			}
		}
	}
	return results;
}
