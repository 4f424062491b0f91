/** An error answered with Zoom's error body `{ code, message, errors? }`. */
export class ZoomError extends Error {
	constructor(
		readonly status: number,
		readonly code: number,
		message: string,
		readonly errors?: Array<{ field: string; message: string }>,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}

	toBody(): Record<string, unknown> {
		return this.errors ? { code: this.code, message: this.message, errors: this.errors } : { code: this.code, message: this.message };
	}
}

export const notFound = (code: number, message: string) => new ZoomError(404, code, message);
export const badRequest = (code: number, message: string) => new ZoomError(400, code, message);
export const invalidField = (field: string, message = 'Invalid field.') =>
	new ZoomError(400, 300, `Validation Failed. Invalid field: ${field}.`, [{ field, message }]);
