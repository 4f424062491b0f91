import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { getField } from '../../../nodes/ZoomTicketing/helpers/fieldPath';
import { buildPollBody } from '../../../nodes/ZoomTicketing/helpers/pollBody';
import { InvalidParameterError } from '../../../nodes/ZoomTicketing/helpers/validation';

function refusal(fn: () => unknown): InvalidParameterError {
	try {
		fn();
	} catch (error) {
		assert.ok(error instanceof InvalidParameterError, `expected InvalidParameterError, got ${String(error)}`);
		return error;
	}
	assert.fail('expected a refusal');
}

describe('buildPollBody', () => {
	it('builds a quiz with single and multiple choice questions as Zoom expects', () => {
		const body = buildPollBody({
			title: 'Quiz',
			pollType: 3,
			anonymous: true,
			questions: [
				{ name: 'Capital of France?', type: 'single', answers: 'Paris, Lyon', rightAnswers: 'Paris', answerRequired: true },
				{ name: 'Primes?', type: 'multiple', answers: ['2', '3', '4'], rightAnswers: '2,3' },
				{ name: 'Rate us', type: 'rating_scale', ratingMinValue: 1, ratingMaxValue: 10, ratingMaxLabel: 'Great' },
			],
		});
		assert.deepEqual(body, {
			title: 'Quiz',
			poll_type: 3,
			anonymous: true,
			questions: [
				{ name: 'Capital of France?', type: 'single', answer_required: true, answers: ['Paris', 'Lyon'], right_answers: ['Paris'] },
				{ name: 'Primes?', type: 'multiple', answers: ['2', '3', '4'], right_answers: ['2', '3'] },
				{ name: 'Rate us', type: 'rating_scale', rating_min_value: 1, rating_max_value: 10, rating_max_label: 'Great' },
			],
		});
	});

	it('refuses what Zoom would refuse, naming the parameter', () => {
		const one = (question: Record<string, unknown>, pollType = 2) => () => buildPollBody({ title: 'T', pollType, questions: [question] });
		assert.match(refusal(one({ name: 'Q', type: 'single', answers: 'Only one' })).parameter, /Question 1 > Answers/);
		assert.match(refusal(one({ name: 'Q', type: 'single', answers: 'A,B,C,D,E,F,G,H,I,J,K' })).allowed, /2 to 10/);
		assert.match(refusal(one({ name: 'Q', type: 'single', answers: 'A,B' }, 3)).parameter, /Right Answers/);
		assert.match(refusal(one({ name: 'Q', type: 'single', answers: 'A,B', rightAnswers: 'A,B' }, 3)).problem, /2 right answers/);
		assert.match(refusal(one({ name: 'Q', type: 'multiple', answers: 'A,B', rightAnswers: 'C' }, 3)).problem, /"C" is not one of the answers/);
		assert.match(refusal(one({ name: 'Q', type: 'short_answer' }, 1)).parameter, /Type/);
		assert.match(refusal(one({ name: 'Q', type: 'short_answer', answerMaxCharacter: 501 })).parameter, /Max Characters/);
		assert.match(refusal(one({ name: 'Q', type: 'rating_scale', ratingMinValue: 5, ratingMaxValue: 5 })).parameter, /Rating Max Value/);
		assert.match(refusal(one({ name: 'x'.repeat(1025), type: 'single', answers: 'A,B' })).parameter, /Question 1 > Question/);
		assert.match(refusal(() => buildPollBody({ title: 'x'.repeat(65), pollType: 1, questions: [{ name: 'Q', answers: 'A,B' }] })).parameter, /Title/);
		assert.match(refusal(() => buildPollBody({ title: 'T', pollType: 4, questions: [{ name: 'Q', answers: 'A,B' }] })).parameter, /Poll Type/);
		assert.match(refusal(() => buildPollBody({ title: 'T', pollType: 1, questions: [] })).parameter, /Questions/);
	});
});

describe('getField', () => {
	it('reads top-level, dotted and dotted-key fields', () => {
		const json = { email: 'a@example.com', holder: { name: { first: 'Ann' } }, 'ticket.id': 'T1', list: [{ value: 'x' }] };
		assert.equal(getField(json, 'email'), 'a@example.com');
		assert.equal(getField(json, 'holder.name.first'), 'Ann');
		assert.equal(getField(json, 'ticket.id'), 'T1');
		assert.equal(getField(json, 'list.0.value'), 'x');
		assert.equal(getField(json, 'holder.missing.deep'), undefined);
	});
});
