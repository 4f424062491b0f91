import type { IDataObject } from 'n8n-workflow';

/**
 * What an event page needs from a webinar, next to Zoom's full answer: the join link, passcode,
 * registration link and dial-in numbers. `start_url` is for the host only.
 */
export function webinarEventPage(webinar: IDataObject): IDataObject {
	const settings = (webinar.settings ?? {}) as IDataObject;
	const { start_url: startUrl, ...rest } = webinar;
	return {
		...rest,
		joinUrl: webinar.join_url ?? null,
		passcode: webinar.password ?? null,
		registrationUrl: webinar.registration_url ?? null,
		dialInNumbers: settings.global_dial_in_numbers ?? [],
		...(startUrl ? { hostOnly: { startUrl } } : {}),
	};
}
