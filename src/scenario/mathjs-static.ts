/**
 * Gives the expression engine (expression.ts) its mathjs module by a static import, for runtimes where it
 * cannot be required lazily (a web page or worker: talentsim/browser and the explorer import this). Only
 * the factories the engine uses are named, so a bundler keeps just those. Node code need not import this:
 * there mathjs is loaded on the first expression.
 */
import {
  create, parseDependencies, addDependencies, subtractDependencies, multiplyDependencies, divideDependencies,
  unaryMinusDependencies, unaryPlusDependencies, powDependencies, modDependencies, largerDependencies, smallerDependencies,
  largerEqDependencies, smallerEqDependencies, equalDependencies, unequalDependencies, andDependencies, orDependencies,
  notDependencies, minDependencies, maxDependencies, absDependencies, floorDependencies, ceilDependencies, roundDependencies,
  sqrtDependencies, expDependencies, logDependencies, sinDependencies, cosDependencies, piDependencies, eDependencies,
} from 'mathjs';
import { useMathjs } from './expression.js';

useMathjs({
  create, parseDependencies, addDependencies, subtractDependencies, multiplyDependencies, divideDependencies,
  unaryMinusDependencies, unaryPlusDependencies, powDependencies, modDependencies, largerDependencies, smallerDependencies,
  largerEqDependencies, smallerEqDependencies, equalDependencies, unequalDependencies, andDependencies, orDependencies,
  notDependencies, minDependencies, maxDependencies, absDependencies, floorDependencies, ceilDependencies, roundDependencies,
  sqrtDependencies, expDependencies, logDependencies, sinDependencies, cosDependencies, piDependencies, eDependencies,
});
