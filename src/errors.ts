/**
 * Every failure lede reports on purpose is a `LedeError`: a stable machine `code`, a message written
 * for the person who uploaded or posted the article, and the HTTP status the API maps it to.
 * `expose` says whether the message may reach a client; internal failures never leak their details.
 */
export type ErrorCode =
  | 'EMPTY_DOCUMENT'
  | 'UNSUPPORTED_MEDIA'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_TOO_COMPLEX'
  | 'MALFORMED_INPUT'
  | 'UNSUPPORTED_FORMAT'
  | 'UNSUPPORTED_LANGUAGE'
  | 'INVALID_TAXONOMY'
  | 'INVALID_OPTIONS'
  | 'NOT_FOUND'
  | 'UNREADABLE_FILE'
  | 'NO_TEXT_LAYER'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFIGURATION'
  | 'STORAGE_UNAVAILABLE'
  | 'STORAGE_FAILED'
  | 'INTERNAL';

export class LedeError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly expose: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    status: number,
    options?: { cause?: unknown; expose?: boolean },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.expose = options?.expose ?? status < 500;
  }

  /** The `{code, message}` pair written into error documents and API error bodies. */
  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.expose ? this.message : 'Internal error' };
  }
}

/** Nothing but whitespace (or furniture) once the file was read. */
export class EmptyDocumentError extends LedeError {
  constructor(message = 'The document has no text to summarise', options?: { cause?: unknown }) {
    super('EMPTY_DOCUMENT', message, 422, options);
  }
}

/** Binary content: images, PDF, archives, Office files, NUL bytes. */
export class UnsupportedMediaError extends LedeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('UNSUPPORTED_MEDIA', message, 415, options);
  }
}

/** Over the configured byte limit; raised before the input is decoded in full. */
export class InputTooLargeError extends LedeError {
  readonly limitBytes: number;
  constructor(sizeBytes: number | undefined, limitBytes: number, options?: { cause?: unknown }) {
    const size = sizeBytes === undefined ? 'more than' : `${sizeBytes} bytes, over`;
    super('INPUT_TOO_LARGE', `The input is ${size} the limit of ${limitBytes} bytes`, 413, options);
    this.limitBytes = limitBytes;
  }
}

/**
 * Within the byte limit but over one of the work caps (`WorkLimits` in core/limits.ts): inflated bytes,
 * HTML nodes or attributes, nesting depth, pages, characters or sentences. Raised while reading, as
 * soon as the cap is passed, so refusing costs no more than the cap allows.
 * @example new InputTooComplexError('maxPages', 1000, 'pages') // "... more than 1000 pages (limit maxPages)"
 */
export class InputTooComplexError extends LedeError {
  /** The cap that was exceeded, as named in `WorkLimits`. */
  readonly limit: string;
  readonly limitValue: number;
  constructor(limit: string, limitValue: number, unit: string, options?: { cause?: unknown }) {
    super(
      'INPUT_TOO_COMPLEX',
      `The input is too complex to analyse: it has more than ${limitValue} ${unit} (limit ${limit})`,
      422,
      options,
    );
    this.limit = limit;
    this.limitValue = limitValue;
  }
}

/** The bytes or the structure cannot be understood: invalid JSON, a JSON object with no text field, a bad event. */
export class MalformedInputError extends LedeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('MALFORMED_INPUT', message, 400, options);
  }
}

/** A format lede does not read (for example `--format docx`, or an unknown content type). */
export class UnsupportedFormatError extends LedeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('UNSUPPORTED_FORMAT', message, 415, options);
  }
}

/**
 * The text is in a language lede has no stemmer or stop words for. Named, so the uploader learns what
 * was detected instead of getting an English-stemmed summary of, say, Turkish.
 * @example new UnsupportedLanguageError({ code: 'tr', name: 'Turkish' }, ['English', 'Spanish'])
 */
export class UnsupportedLanguageError extends LedeError {
  /** ISO 639-1 code of the detected language. */
  readonly language: string;
  readonly languageName: string;
  constructor(
    detected: { readonly code: string; readonly name: string },
    supported: readonly string[],
    options?: { cause?: unknown },
  ) {
    const can =
      supported.length === 0 ? 'lede cannot summarise it' : `lede can summarise ${supported.join(', ')} only`;
    super(
      'UNSUPPORTED_LANGUAGE',
      `The text looks like ${detected.name} (${detected.code}); ${can}`,
      422,
      options,
    );
    this.language = detected.code;
    this.languageName = detected.name;
  }
}

/** A user-supplied taxonomy file that does not match the bundled taxonomy's shape. */
export class InvalidTaxonomyError extends LedeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_TAXONOMY', message, 400, options);
  }
}

/** Options passed to a core function (or a request's `sentences`) out of range. */
export class InvalidOptionsError extends LedeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_OPTIONS', message, 400, options);
  }
}

export class NotFoundError extends LedeError {
  constructor(message = 'Not found', options?: { cause?: unknown }) {
    super('NOT_FOUND', message, 404, options);
  }
}

/** A local file the CLI was asked to read that is missing, a directory, or not permitted. */
export class UnreadableFileError extends LedeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('UNREADABLE_FILE', message, 400, options);
  }
}

/** A PDF whose pages hold no text, only images: a scan, which would need OCR. */
export class NoTextLayerError extends LedeError {
  constructor(
    message = 'The PDF has no text layer (it looks like a scanned image); run it through OCR first',
    options?: { cause?: unknown },
  ) {
    super('NO_TEXT_LAYER', message, 422, options);
  }
}

export class MethodNotAllowedError extends LedeError {
  constructor(message = 'Method not allowed', options?: { cause?: unknown }) {
    super('METHOD_NOT_ALLOWED', message, 405, options);
  }
}

/** The environment is wrong: raised at cold start so a misconfigured function fails loudly, once. */
export class ConfigurationError extends LedeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIGURATION', message, 500, { ...options, expose: false });
  }
}

/** An S3 failure worth retrying later: throttling, a 5xx, a timeout or a dropped connection. */
export class StorageUnavailableError extends LedeError {
  constructor(operation: string, options?: { cause?: unknown }) {
    super('STORAGE_UNAVAILABLE', `S3 ${operation} failed transiently`, 503, { ...options, expose: false });
  }
}

/** Any other S3 failure (access denied, a missing bucket): a deployment problem, not the caller's. */
export class StorageError extends LedeError {
  constructor(operation: string, options?: { cause?: unknown }) {
    super('STORAGE_FAILED', `S3 ${operation} failed`, 500, { ...options, expose: false });
  }
}

/** Wraps anything unexpected so callers see one shape; the cause keeps the detail for logs only. */
export function toLedeError(error: unknown): LedeError {
  if (error instanceof LedeError) return error;
  return new LedeError('INTERNAL', 'Internal error', 500, { cause: error, expose: false });
}
