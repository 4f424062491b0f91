import { assertEnum, assertInteger, InvalidParameterError, requireString } from './validation';

export const POLL_TYPES = [1, 2, 3] as const;
/** Question types this node offers; matching and rank order need prompts and are not offered. */
export const QUESTION_TYPES = ['single', 'multiple', 'short_answer', 'long_answer', 'fill_in_the_blank', 'rating_scale'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface PollQuestionInput {
	name?: unknown;
	type?: unknown;
	/** Comma-separated, or a list. */
	answers?: unknown;
	rightAnswers?: unknown;
	answerRequired?: unknown;
	showAsDropdown?: unknown;
	caseSensitive?: unknown;
	answerMinCharacter?: unknown;
	answerMaxCharacter?: unknown;
	ratingMinValue?: unknown;
	ratingMaxValue?: unknown;
	ratingMinLabel?: unknown;
	ratingMaxLabel?: unknown;
}

export interface PollInput {
	title: unknown;
	pollType: unknown;
	anonymous?: unknown;
	questions: PollQuestionInput[];
}

function list(value: unknown): string[] {
	const entries = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
	return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

function isSet(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

/**
 * Validates a poll against Zoom's rules (POST/PUT .../polls) and builds the request body.
 * Rules: title up to 64 characters, question up to 1024; single/multiple choice with 2 to 10
 * answers; quizzes need right answers (one for single choice) taken from the answers; short
 * answers up to 500 characters, long ones up to 2,000; rating scale from 0 to 10. A basic poll
 * (type 1) only has single and multiple choice questions.
 */
export function buildPollBody(input: PollInput): Record<string, unknown> {
	const pollType = assertEnum(Number(input.pollType), 'Poll Type', POLL_TYPES);
	if (input.questions.length === 0) {
		throw new InvalidParameterError('Questions', 'a poll needs at least one question', 'one or more questions');
	}
	const questions = input.questions.map((question, index) => {
		const at = `Questions > Question ${index + 1}`;
		const type = assertEnum(question.type ?? 'single', `${at} > Type`, QUESTION_TYPES);
		if (pollType === 1 && type !== 'single' && type !== 'multiple') {
			throw new InvalidParameterError(`${at} > Type`, `"${type}" needs an advanced poll or a quiz`, 'Single Choice or Multiple Choice for Poll Type "Poll", or Poll Type "Advanced Poll" / "Quiz"');
		}
		const body: Record<string, unknown> = { name: requireString(question.name, `${at} > Question`, { maxLength: 1024 }), type };
		if (isSet(question.answerRequired)) body.answer_required = question.answerRequired === true;

		const answers = list(question.answers);
		if (type === 'single' || type === 'multiple') {
			if (answers.length < 2 || answers.length > 10) {
				throw new InvalidParameterError(`${at} > Answers`, `${answers.length} answer(s) given`, 'from 2 to 10 answers, comma-separated');
			}
			body.answers = answers;
			if (type === 'single' && question.showAsDropdown === true) body.show_as_dropdown = true;
		}

		const rightAnswers = list(question.rightAnswers);
		if (pollType === 3 && (type === 'single' || type === 'multiple' || type === 'fill_in_the_blank') && rightAnswers.length === 0) {
			throw new InvalidParameterError(`${at} > Right Answers`, 'a quiz question needs its right answer', 'the correct answer(s), comma-separated');
		}
		if (rightAnswers.length > 0) {
			if (type === 'single' && rightAnswers.length > 1) {
				throw new InvalidParameterError(`${at} > Right Answers`, `${rightAnswers.length} right answers for a single choice`, 'exactly one right answer');
			}
			if (type === 'single' || type === 'multiple') {
				const unknown = rightAnswers.find((answer) => !answers.includes(answer));
				if (unknown !== undefined) {
					throw new InvalidParameterError(`${at} > Right Answers`, `"${unknown}" is not one of the answers`, `answers from: ${answers.join(', ')}`);
				}
			}
			body.right_answers = rightAnswers;
		}

		if (type === 'fill_in_the_blank' && question.caseSensitive === true) body.case_sensitive = true;
		if (type === 'short_answer' || type === 'long_answer') {
			const longest = type === 'short_answer' ? 500 : 2000;
			const min = isSet(question.answerMinCharacter) ? assertInteger(question.answerMinCharacter, `${at} > Min Characters`, { min: 1, max: longest }) : undefined;
			const max = isSet(question.answerMaxCharacter) ? assertInteger(question.answerMaxCharacter, `${at} > Max Characters`, { min: min ?? 1, max: longest }) : undefined;
			if (min !== undefined) body.answer_min_character = min;
			if (max !== undefined) body.answer_max_character = max;
		}
		if (type === 'rating_scale') {
			const min = assertInteger(isSet(question.ratingMinValue) ? question.ratingMinValue : 0, `${at} > Rating Min Value`, { min: 0, max: 9 });
			const max = assertInteger(isSet(question.ratingMaxValue) ? question.ratingMaxValue : 5, `${at} > Rating Max Value`, { min: min + 1, max: 10 });
			body.rating_min_value = min;
			body.rating_max_value = max;
			if (isSet(question.ratingMinLabel)) body.rating_min_label = String(question.ratingMinLabel);
			if (isSet(question.ratingMaxLabel)) body.rating_max_label = String(question.ratingMaxLabel);
		}
		return body;
	});
	return {
		title: requireString(input.title, 'Title', { maxLength: 64 }),
		poll_type: pollType,
		anonymous: input.anonymous === true,
		questions,
	};
}
