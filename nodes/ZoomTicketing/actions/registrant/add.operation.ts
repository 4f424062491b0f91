import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { eventTargetFields, getEventTarget } from '../../descriptions/webinarOrMeeting';
import { zoomApiRequest } from '../../transport';
import { buildRegistrantRequest, customQuestionsField, emailField, firstNameField, lastNameField, registrantAdditionalFields } from './fields';

const properties: INodeProperties[] = [
	...eventTargetFields(),
	emailField,
	firstNameField,
	lastNameField,
	registrantAdditionalFields,
	customQuestionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['registrant'], operation: ['add'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = getEventTarget.call(this, itemIndex);
	const { body, qs } = buildRegistrantRequest(
		{
			email: this.getNodeParameter('email', itemIndex),
			firstName: this.getNodeParameter('firstName', itemIndex),
			lastName: this.getNodeParameter('lastName', itemIndex, ''),
			additional: this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
			answers: this.getNodeParameter('customQuestions.answers', itemIndex, []) as IDataObject[],
		},
		target.kind,
	);
	// Zoom answers a repeated registration with the existing registrant, so a retry cannot create a second one.
	const response = (await zoomApiRequest.call(this, 'POST', `${target.path}/registrants`, body, qs, { idempotent: true })) as IDataObject;
	return { email: body.email, ...response };
}
