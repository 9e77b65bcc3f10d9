#!/usr/bin/env node
// The CLI lives in bin/roleplane.mjs. This forward stays because npx keeps, in its cache, the bin link it made when
// `npx roleplane` first ran here, and some were made while the CLI lived at this path.
import "../bin/roleplane.mjs";
