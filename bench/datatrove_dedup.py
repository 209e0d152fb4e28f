#!/usr/bin/env python3
"""datatrove's exact line dedup on the benchmark parts (runs inside bench/.venv/datatrove).

datatrove's sentence dedup with split_sentences=False and n_sentences=1 is an exact line
deduper: stage 1 hashes every (normalised) line of every document and writes sorted signatures
per task, stage 2 merges them and finds the repeats (keeping the first), stage 3 re-reads the
documents and drops the repeated lines, writing JSONL. Local executor, one task per part,
2 workers. The thresholds that would drop short documents (min_doc_words, min_num_sentences)
are off, so that only repeated lines are removed.

    python bench/datatrove_dedup.py --workers 2 --parts-dir DIR --work WORKDIR
"""

import argparse
import glob
import os
import sys

from datatrove.executor.local import LocalPipelineExecutor
from datatrove.pipeline.dedup import SentenceDedupFilter, SentenceDedupSignature, SentenceFindDedups
from datatrove.pipeline.dedup.sentence_dedup import SentDedupConfig
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers.jsonl import JsonlWriter
from datatrove.utils.word_tokenizers import WordTokenizer


class LinesTokenizer(WordTokenizer):
    """In line mode (split_sentences=False, min_doc_words=0) datatrove never calls its word
    tokenizer; its English default needs spacy, so this stand-in keeps spacy out of the venv."""

    def word_tokenize(self, text):
        return text.split()

    def sent_tokenize(self, text):
        return text.splitlines()

    def span_tokenize(self, text):
        raise NotImplementedError("not used in line mode")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts-dir", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()

    tasks = len(glob.glob(os.path.join(a.parts_dir, "*.jsonl.gz")))
    if tasks == 0:
        sys.exit("datatrove_dedup: no *.jsonl.gz in %s" % a.parts_dir)
    cfg = SentDedupConfig(
        n_sentences=1,
        split_sentences=False,
        min_doc_words=0,
        min_num_sentences=0,
    )
    sigs, dups = os.path.join(a.work, "sigs"), os.path.join(a.work, "dups")

    def reader():
        return JsonlReader(a.parts_dir, glob_pattern="*.jsonl.gz", compression="gzip", add_file_path=False)

    stage1 = LocalPipelineExecutor(
        pipeline=[reader(), SentenceDedupSignature(output_folder=sigs, config=cfg, finder_workers=1, language=LinesTokenizer())],
        tasks=tasks,
        workers=a.workers,
        logging_dir=os.path.join(a.work, "logs", "1"),
    )
    stage2 = LocalPipelineExecutor(
        pipeline=[SentenceFindDedups(data_folder=sigs, output_folder=dups, config=cfg)],
        tasks=1,
        workers=1,
        logging_dir=os.path.join(a.work, "logs", "2"),
        depends=stage1,
    )
    stage3 = LocalPipelineExecutor(
        pipeline=[
            reader(),
            SentenceDedupFilter(data_folder=dups, config=cfg, language=LinesTokenizer()),
            JsonlWriter(os.path.join(a.work, "out"), compression=None),
        ],
        tasks=tasks,
        workers=a.workers,
        logging_dir=os.path.join(a.work, "logs", "3"),
        depends=stage2,
    )
    stage3.run()


if __name__ == "__main__":
    main()
