import ts from 'typescript'

const K = ts.SyntaxKind

const NAMED: Partial<Record<ts.SyntaxKind, string>> = {
  [K.ArrowFunction]: 'arrow function',
  [K.ClassDeclaration]: 'class',
  [K.ClassExpression]: 'class',
  [K.TemplateExpression]: 'template literal',
  [K.NoSubstitutionTemplateLiteral]: 'template literal',
  [K.TaggedTemplateExpression]: 'tagged template',
  [K.ForOfStatement]: 'for...of',
  [K.SpreadElement]: 'spread',
  [K.SpreadAssignment]: 'object spread',
  [K.ShorthandPropertyAssignment]: 'shorthand property',
  [K.ComputedPropertyName]: 'computed property',
  [K.ObjectBindingPattern]: 'destructuring',
  [K.ArrayBindingPattern]: 'destructuring',
  [K.YieldExpression]: 'generator',
  [K.AwaitExpression]: 'async/await',
  [K.BigIntLiteral]: 'bigint',
  [K.MetaProperty]: 'new.target/import.meta'
}

/**
 * Syntax newer than ES5 in a script: what WeChat's "ES6 to ES5" / enhanced compile must rewrite
 * for old iOS JavaScriptCore. Empty when the script is plain ES5.
 */
export function es2015Syntax(code: string): string[] {
  const sf = ts.createSourceFile('x.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
  const found = new Set<string>()
  const visit = (node: ts.Node): void => {
    const name = NAMED[node.kind]
    if (name) found.add(name)
    if (ts.isVariableDeclarationList(node) && node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) found.add('let/const')
    if (ts.isParameter(node) && (node.initializer || node.dotDotDotToken)) found.add('default/rest parameter')
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.asteriskToken) found.add('generator')
    if (ts.isMethodDeclaration(node) && ts.isObjectLiteralExpression(node.parent)) found.add('method shorthand')
    if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === K.AsyncKeyword)) found.add('async function')
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) && node.questionDotToken) {
      found.add('optional chaining')
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind
      if (op === K.QuestionQuestionToken || op === K.QuestionQuestionEqualsToken) found.add('nullish coalescing')
      if (op === K.AsteriskAsteriskToken || op === K.AsteriskAsteriskEqualsToken) found.add('exponent operator')
      if (op === K.AmpersandAmpersandEqualsToken || op === K.BarBarEqualsToken) found.add('logical assignment')
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return [...found].sort()
}
