import type { INodePropertyOptions } from 'n8n-workflow';

/** Every IANA time zone the runtime knows, for the Time Zone pickers. */
export async function getTimeZones(): Promise<INodePropertyOptions[]> {
	return Intl.supportedValuesOf('timeZone').map((zone) => ({ name: zone.replace(/_/g, ' '), value: zone }));
}
