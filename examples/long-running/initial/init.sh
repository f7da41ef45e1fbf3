#!/bin/sh
# Sets up the environment at the start of a session and shows where things stand.
set -e
npm install --no-audit --no-fund
npm test
