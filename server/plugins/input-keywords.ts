import { type TextKind, textKindKeyword, textKinds, textProblem } from '../../src/domain/text';
import { checkUserTime, userTimeKeyword, userTimeProblemMessages } from '../../src/domain/user-time';

interface KeywordError {
  keyword: string;
  message: string;
  params: Record<string, never>;
}

type KeywordCheck = ((schema: unknown, data: unknown) => boolean) & { errors?: KeywordError[] };

/** The part of Ajv 8 used here (the root `ajv` package of this tree is another major version). */
interface KeywordHost {
  addKeyword(definition: {
    keyword: string;
    type: 'string';
    schemaType: 'string' | 'boolean';
    errors: true;
    metaSchema?: object;
    validate: KeywordCheck;
  }): unknown;
}

function keywordCheck(keyword: string, problemOf: (schema: unknown, data: string) => string | null) {
  const check: KeywordCheck = (schema, data) => {
    if (typeof data !== 'string') return true;
    const problem = problemOf(schema, data);
    check.errors = problem ? [{ keyword, message: problem, params: {} }] : [];
    return problem === null;
  };
  return check;
}

/**
 * The domain's text and time rules as schema keywords, so every field declared with them is checked
 * by the route's own validation, answers 400 with the Chinese reason per field, and shows in the
 * OpenAPI document (as `x-` extensions). Times are bounded by the app's clock (`now`), as the routes' rules are.
 */
export const inputKeywords =
  ({ now }: { now: () => Date }) =>
  <Host extends KeywordHost>(ajv: Host): Host => {
    ajv.addKeyword({
      keyword: textKindKeyword,
      type: 'string',
      schemaType: 'string',
      errors: true,
      metaSchema: { enum: [...textKinds] },
      validate: keywordCheck(textKindKeyword, (kind, text) => textProblem(text, kind as TextKind)),
    });
    ajv.addKeyword({
      keyword: userTimeKeyword,
      type: 'string',
      schemaType: 'boolean',
      errors: true,
      validate: keywordCheck(userTimeKeyword, (_, text) => {
        const checked = checkUserTime(text, now());
        return checked.ok ? null : userTimeProblemMessages[checked.problem];
      }),
    });
    return ajv;
  };
