import type { IDataObject } from 'n8n-workflow';

import { readPasscode, readTrackingFields } from '../../descriptions/event';
import { assertEmail, optionalString } from '../../helpers/validation';

/** The request body parts meeting create and update share (everything but type, topic and schedule). */
export function buildCommonFields(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const agenda = optionalString(fields.agenda, 'Agenda', { maxLength: 2000 });
	if (agenda !== undefined) body.agenda = agenda;
	const password = readPasscode(fields.password);
	if (password !== undefined) body.password = password;
	if (typeof fields.default_password === 'boolean') body.default_password = fields.default_password;
	if (typeof fields.pre_schedule === 'boolean') body.pre_schedule = fields.pre_schedule;
	if (fields.schedule_for) body.schedule_for = assertEmail(fields.schedule_for, 'Schedule For');
	const templateId = optionalString(fields.template_id, 'Template ID');
	if (templateId !== undefined) body.template_id = templateId;
	const tracking = readTrackingFields(fields.tracking_fields);
	if (tracking) body.tracking_fields = tracking;
	return body;
}
