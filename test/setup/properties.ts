// Every fast-check property runs from one fixed seed, so that CI gives the same verdict on the same
// commit; PROPERTY_SEED picks another seed to explore (README, "Development"). A test
// names its numRuns, never its seed (a statistical test that samples fixed cases with fc.sample may).
import fc from 'fast-check';

const seed = process.env.PROPERTY_SEED === undefined ? 20261201 : Number(process.env.PROPERTY_SEED);
if (!Number.isInteger(seed)) throw new Error(`PROPERTY_SEED must be an integer, got ${process.env.PROPERTY_SEED}`);
fc.configureGlobal({ seed });
