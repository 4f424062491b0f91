import { randomBytes } from 'node:crypto';

export class IdSource {
	private meetingSeq = 0;
	private seq = 0;

	/** 11-digit meeting and webinar numbers, as Zoom issues them. */
	meetingNumber(): number {
		this.meetingSeq += 1;
		return 81_000_000_000 + this.meetingSeq * 7919 + Math.floor(Math.random() * 7000);
	}

	/**
	 * Zoom meeting UUIDs: 24 characters of base64. Every third one is shaped to begin with `/`
	 * or to hold `//`, so that clients exercise Zoom's double-encoding rule.
	 */
	uuid(): string {
		this.seq += 1;
		const body = randomBytes(16).toString('base64');
		if (this.seq % 6 === 3) return `/${body.slice(1)}`;
		if (this.seq % 6 === 0) return `${body.slice(0, 8)}//${body.slice(10)}`;
		return body;
	}

	/** Registrant, poll and panelist ids: 22 url-safe characters. */
	token(length = 22): string {
		return randomBytes(Math.ceil((length * 3) / 4) + 1)
			.toString('base64url')
			.replace(/[-_]/g, 'x')
			.slice(0, length);
	}

	pin(): number {
		return 100_000_000 + Math.floor(Math.random() * 899_999_999);
	}
}
