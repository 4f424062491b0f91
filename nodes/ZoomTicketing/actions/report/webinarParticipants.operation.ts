import { getWebinarId, webinarLocator } from '../../descriptions/webinarLocator';
import { participantsOperation } from './participants';

const operation = participantsOperation('webinar', webinarLocator, getWebinarId);

export const description = operation.description;
export const execute = operation.execute;
