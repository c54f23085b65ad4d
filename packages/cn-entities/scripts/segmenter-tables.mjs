#!/usr/bin/env node
// The build's last step (npm run build): dist/jieba-tables.bin, the default segmenter's tables
// (its dictionary trie in compact form, the words' counts and tags, the HMM's numbers) computed
// once from model/jieba.dict.utf8 and nodejieba's user dictionary and HMM, so that a process
// reads them as typed-array views instead of parsing 213,000 lines and 35,000 numbers. The file
// records a hash of those three files: the segmenter ignores it when they changed since.
import { writeSegmenterTables } from "../dist/segmenter.js";

console.log(`segmenter tables: ${writeSegmenterTables()}`);
