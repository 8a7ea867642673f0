/**
 * Lever-value expressions: a small, locked-down mathjs language in `t` (years since start, 1 in the first
 * simulated year) and `year` (calendar year). The mathjs instance has its dangerous functions disabled (as
 * mathjs's security notes recommend) and, on top of that, every parsed expression tree is walked and
 * rejected unless each node is a number, an allowed symbol, an allowed operator, an allowed function call,
 * parentheses or a conditional. Length, bracket nesting and tree depth are bounded (limits.ts) before
 * anything recursive runs, so no expression can exhaust the stack. Pure and browser-safe.
 */
import type * as Mathjs from 'mathjs';
import type { MathNode } from 'mathjs';
import { lazyRequire } from '../core/lazy-require.js';
import { SCENARIO_LIMITS } from './limits.js';

/**
 * What the expression engine needs of the mathjs module: `create` and the dependency collections of the
 * parser, the whitelisted operators and functions, and the constants (mathjs's light-weight factory:
 * the instance holds these and what they depend on, not the whole library).
 */
export type MathjsModule = Pick<typeof Mathjs, 'create' | (typeof ENGINE_DEPENDENCIES)[number]>;

/** The mathjs dependency collections the instance is created from (see {@link MathjsModule}). */
export const ENGINE_DEPENDENCIES = [
  'parseDependencies',
  'addDependencies', 'subtractDependencies', 'multiplyDependencies', 'divideDependencies', 'unaryMinusDependencies',
  'unaryPlusDependencies', 'powDependencies', 'modDependencies', 'largerDependencies', 'smallerDependencies',
  'largerEqDependencies', 'smallerEqDependencies', 'equalDependencies', 'unequalDependencies', 'andDependencies',
  'orDependencies', 'notDependencies',
  'minDependencies', 'maxDependencies', 'absDependencies', 'floorDependencies', 'ceilDependencies', 'roundDependencies',
  'sqrtDependencies', 'expDependencies', 'logDependencies', 'sinDependencies', 'cosDependencies',
  'piDependencies', 'eDependencies',
] as const;

/**
 * mathjs is loaded lazily, on the first expression, so that scenarios without expressions (and the CLI
 * commands that read no scenario) never pay for it. In Node it is required synchronously as mathjs's
 * single-file build (`mathjs/lib/browser/math.js`, the same library in one file: loading the ES-module
 * build's ~1,000 files cost ≈1.4 s of CPU; this file ≈0.1 s). Elsewhere (a web page, a worker) the
 * module is given by {@link useMathjs} (src/scenario/mathjs-static.ts does that with a static import).
 */
let mathjsModule: MathjsModule | undefined;

/** Gives the expression engine its mathjs module (for runtimes without Node's `require`). */
export function useMathjs(module: MathjsModule): void {
  mathjsModule = module;
  engine = undefined;
}

function loadMathjs(): MathjsModule {
  mathjsModule ??= lazyRequire('mathjs/lib/browser/math.js') as MathjsModule | undefined;
  if (!mathjsModule) {
    throw new Error('expressions need mathjs: call useMathjs() first (or import talentsim/browser, which does) outside Node >= 20.16');
  }
  return mathjsModule;
}

/** The locked-down mathjs instance's parser (built on first use). */
let engine: ((text: string) => MathNode) | undefined;

function disabled(name: string): () => never {
  return () => {
    throw new Error(`function ${name} is disabled`);
  };
}

/** Helpers added to the expression language (besides mathjs's own whitelisted functions). */
const HELPERS = {
  /** clamp(x, lo, hi): x limited to [lo, hi]. */
  clamp: (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x)),
  /** ramp(x, x0, x1): 0 up to x0, rising linearly to 1 at x1, 1 after. */
  ramp: (x: number, x0: number, x1: number) => (x1 <= x0 ? (x >= x1 ? 1 : 0) : Math.min(1, Math.max(0, (x - x0) / (x1 - x0)))),
  /** step(x, x0): 0 before x0, 1 from x0 on. */
  step: (x: number, x0: number) => (x >= x0 ? 1 : 0),
};

/** Creates the instance from the whitelisted factories only, disables what could reach outside, returns its parser. */
function parser(): (text: string) => MathNode {
  if (engine) return engine;
  const m = loadMathjs();
  const factories = Object.assign({}, ...ENGINE_DEPENDENCIES.map((name) => m[name])) as Mathjs.FactoryFunctionMap;
  const math = m.create(factories, { predictable: true });
  // Keep our own handle on the parser before the public one is disabled.
  const parse = math.parse;
  math.import(
    {
      import: disabled('import'),
      createUnit: disabled('createUnit'),
      evaluate: disabled('evaluate'),
      parse: disabled('parse'),
      parser: disabled('parser'),
      compile: disabled('compile'),
      simplify: disabled('simplify'),
      simplifyConstant: disabled('simplifyConstant'),
      simplifyCore: disabled('simplifyCore'),
      rationalize: disabled('rationalize'),
      derivative: disabled('derivative'),
      resolve: disabled('resolve'),
      reviver: disabled('reviver'),
      replacer: disabled('replacer'),
      chain: disabled('chain'),
      help: disabled('help'),
      ...HELPERS,
    },
    { override: true },
  );
  engine = (text) => parse(text);
  return engine;
}

/** Functions an expression may call. */
export const EXPRESSION_FUNCTIONS: readonly string[] = [
  'min', 'max', 'abs', 'floor', 'ceil', 'round', 'sqrt', 'exp', 'log', 'pow', 'sin', 'cos', 'clamp', 'ramp', 'step',
];

/** Symbols an expression may use. */
export const EXPRESSION_SYMBOLS: readonly string[] = ['t', 'year', 'pi', 'e'];

/** Operators an expression may use (mathjs function names; shown to users as their signs). */
const OPERATORS: ReadonlyMap<string, string> = new Map([
  ['add', '+'], ['subtract', '-'], ['multiply', '*'], ['divide', '/'], ['unaryMinus', '-'], ['unaryPlus', '+'],
  ['pow', '^'], ['mod', '%'], ['larger', '>'], ['smaller', '<'], ['largerEq', '>='], ['smallerEq', '<='],
  ['equal', '=='], ['unequal', '!='], ['and', 'and'], ['or', 'or'], ['not', 'not'],
]);

const FUNCTION_SET = new Set(EXPRESSION_FUNCTIONS);
const SYMBOL_SET = new Set(EXPRESSION_SYMBOLS);

/** A compiled expression: value at year offset `t` and calendar `year` (may be non-finite; callers check). */
export type CompiledExpression = (t: number, year: number) => number;

/** The result of {@link compileExpression}. */
export type ExpressionResult = { ok: true; evaluate: CompiledExpression } | { ok: false; message: string };

const NODE_NAMES: Record<string, string> = {
  AccessorNode: 'property access',
  AssignmentNode: 'assignment',
  FunctionAssignmentNode: 'function definitions',
  ArrayNode: 'matrices',
  ObjectNode: 'objects',
  IndexNode: 'indexing',
  BlockNode: 'several statements',
  RangeNode: 'ranges',
};

/** Checks one tree node against the whitelist; returns a message for the first disallowed node. */
function checkTree(root: MathNode): string | undefined {
  let problem: string | undefined;
  const visit = (node: MathNode, parent: MathNode | null): void => {
    if (problem) return;
    const n = node as MathNode & { fn?: unknown; op?: string; name?: string; value?: unknown; args?: MathNode[] };
    switch (node.type) {
      case 'ConstantNode':
        if (typeof n.value !== 'number' && typeof n.value !== 'boolean') problem = `${formatConst(n.value)} is not allowed (only numbers)`;
        return;
      case 'SymbolNode': {
        const isCallee = parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === node;
        if (isCallee) return; // checked by the FunctionNode case
        if (!SYMBOL_SET.has(n.name ?? '')) problem = `unknown symbol \`${n.name}\` (allowed: ${EXPRESSION_SYMBOLS.join(', ')})`;
        return;
      }
      case 'FunctionNode': {
        const fn = n.fn as MathNode & { name?: string };
        if (fn.type !== 'SymbolNode' || !FUNCTION_SET.has(fn.name ?? '')) {
          problem =
            fn.type === 'SymbolNode'
              ? `function \`${fn.name}\` is not allowed (allowed: ${EXPRESSION_FUNCTIONS.join(', ')})`
              : `calling a computed value as a function is not allowed; call a function by its name (allowed: ${EXPRESSION_FUNCTIONS.join(', ')})`;
          return;
        }
        break;
      }
      case 'OperatorNode':
        if (!OPERATORS.has(String(n.fn))) {
          problem = `operator \`${n.op}\` is not allowed (allowed: ${[...new Set(OPERATORS.values())].join(' ')})`;
          return;
        }
        break;
      case 'ParenthesisNode':
      case 'ConditionalNode':
      case 'RelationalNode':
        break;
      default:
        problem = `${NODE_NAMES[node.type] ?? node.type} not allowed`;
        return;
    }
    node.forEach((child) => visit(child, node));
  };
  visit(root, null);
  return problem;
}

/** The deepest nesting of brackets in `text` (outside none, which is all an expression has). */
function bracketNesting(text: string): number {
  let depth = 0;
  let most = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') most = Math.max(most, ++depth);
    else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return most;
}

/** The depth of a syntax tree, walked without recursion. */
function treeDepth(root: MathNode): number {
  let most = 0;
  const stack: [MathNode, number][] = [[root, 1]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (d > most) most = d;
    if (most > SCENARIO_LIMITS.expressionDepth) break;
    node.forEach((child) => stack.push([child, d + 1]));
  }
  return most;
}

/** Why `text` is too large to check, or undefined (checked before parsing). */
function sizeProblem(text: string): string | undefined {
  const { expressionLength, expressionNesting } = SCENARIO_LIMITS;
  if (text.length > expressionLength) return `expression too long (${text.length} characters; at most ${expressionLength})`;
  if (bracketNesting(text) > expressionNesting) return `expression nested too deeply (more than ${expressionNesting} levels of brackets)`;
  return undefined;
}

function formatConst(v: unknown): string {
  return typeof v === 'string' ? `the string ${JSON.stringify(v)}` : String(v);
}

/**
 * Parses and checks an expression; on success returns a function of (t, year). Values are converted to
 * numbers only if they are numbers or booleans (true → 1); anything else evaluates to NaN.
 */
export function compileExpression(text: string): ExpressionResult {
  if (typeof text !== 'string') return { ok: false, message: 'expected an expression as text' };
  if (text.trim() === '') return { ok: false, message: 'empty expression' };
  const tooLarge = sizeProblem(text);
  if (tooLarge) return { ok: false, message: tooLarge };
  const parse = parser();
  let node: MathNode;
  try {
    node = parse(text);
  } catch (e) {
    return { ok: false, message: `cannot parse expression: ${(e as Error).message}` };
  }
  if (treeDepth(node) > SCENARIO_LIMITS.expressionDepth) {
    return { ok: false, message: `expression nested too deeply (more than ${SCENARIO_LIMITS.expressionDepth} levels of operators or calls; a chain a + b + c … counts one level per term)` };
  }
  let problem: string | undefined;
  try {
    problem = checkTree(node);
  } catch (e) {
    problem = `cannot check expression: ${(e as Error).message}`;
  }
  if (problem) return { ok: false, message: problem };
  let code: { evaluate(scope: Record<string, number>): unknown };
  try {
    code = node.compile();
  } catch (e) {
    return { ok: false, message: `cannot compile expression: ${(e as Error).message}` };
  }
  const scope: Record<string, number> = { t: 0, year: 0 };
  const evaluate: CompiledExpression = (t, year) => {
    scope.t = t;
    scope.year = year;
    let v: unknown;
    try {
      v = code.evaluate(scope);
    } catch {
      return NaN;
    }
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    return NaN;
  };
  return { ok: true, evaluate };
}
