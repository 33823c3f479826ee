/** The limits of a canonical answer's text, and the messages that name them as the staff forms label the fields. */
export const answerTitleLength = { min: 3, max: 200 } as const;
export const answerBodyLength = { min: 1, max: 20_000 } as const;
export const exampleLength = { min: 3, max: 2000 } as const;
export const maxExamples = 200;

export const answerTitleMessage = `title must be ${answerTitleLength.min} to ${answerTitleLength.max} characters`;
export const answerBodyMessage = `body must be ${answerBodyLength.min} to ${answerBodyLength.max} characters`;
