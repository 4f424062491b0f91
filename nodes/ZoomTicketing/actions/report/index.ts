import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../node.type';
import * as attendanceSummary from './attendanceSummary.operation';
import * as meetingParticipants from './meetingParticipants.operation';
import * as pastInstances from './pastInstances.operation';
import * as pollResults from './pollResults.operation';
import * as questionsAndAnswers from './questionsAndAnswers.operation';
import * as webinarParticipants from './webinarParticipants.operation';

export const operations: Record<string, Operation> = {
	attendanceSummary,
	meetingParticipants,
	pastInstances,
	pollResults,
	questionsAndAnswers,
	webinarParticipants,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Get Attendance Summary',
				value: 'attendanceSummary',
				action: 'Get an attendance summary',
				description: 'One item per person: minutes attended, first join, last leave, attended or absent',
			},
			{
				name: 'Get Meeting Participants',
				value: 'meetingParticipants',
				action: 'Get the participants of a past meeting',
				description: "Zoom's participant report: one row per join session",
			},
			{
				name: 'Get Past Instances',
				value: 'pastInstances',
				action: 'Get the past instances of a meeting or webinar',
				description: 'The UUID and start of every ended occurrence',
			},
			{
				name: 'Get Poll Results',
				value: 'pollResults',
				action: 'Get the poll results of a past meeting or webinar',
			},
			{
				name: 'Get Q&A',
				value: 'questionsAndAnswers',
				action: 'Get the Q&A of a past meeting or webinar',
			},
			{
				name: 'Get Webinar Participants',
				value: 'webinarParticipants',
				action: 'Get the participants of a past webinar',
				description: "Zoom's participant report: one row per join session",
			},
		],
		default: 'attendanceSummary',
	},
	...attendanceSummary.description,
	...meetingParticipants.description,
	...pastInstances.description,
	...pollResults.description,
	...questionsAndAnswers.description,
	...webinarParticipants.description,
];
