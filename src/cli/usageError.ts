/**
 * The two ways a command line can be wrong, both exit 2 with nothing sent: the arguments
 * themselves (the message ends with a pointer to --help), or input that is understood but cannot
 * be sent, such as a song document with errors (its problems are the explanation; usage is not).
 */

export class UsageError extends Error {}

export class InvalidInputError extends Error {}
