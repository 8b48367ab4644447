"""Ship the bank's sentence vectors with the package, so a first run need not compute them.

Regenerate after editing the bank: `python -m nextround.nlp.bank_seed`. Wordings added since
are simply embedded on first use, so a stale file is slower, never wrong."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import numpy as np

from nextround.nlp.embedder import MODEL_NAME, Matrix

SEED_FILE = "bank_vectors.npz"


def key(name: str, text: str) -> str:
    return hashlib.sha1(f"{name}\x00{text}".encode()).hexdigest()


def load_seed(name: str) -> dict[str, Matrix]:
    """Vectors of the bank's wordings for model `name`, or nothing."""
    if name != MODEL_NAME:
        return {}
    ref = resources.files("nextround").joinpath("data", "questions", SEED_FILE)
    try:
        with resources.as_file(ref) as path, np.load(path) as data:
            keys = [str(k) for k in data["keys"]]
            vectors = data["vectors"].astype(np.float32)
    except (FileNotFoundError, OSError, KeyError, ValueError):
        return {}
    return dict(zip(keys, vectors, strict=True))


def bank_texts() -> list[str]:
    from nextround.domain.grouping import _rules
    from nextround.domain.question_bank import load_bank

    rules = _rules()
    texts = [rules.core(w) for q in load_bank().questions for w in q.all_wordings]
    return list(dict.fromkeys(texts))


def main() -> None:
    from nextround.nlp.embedder import MiniLMEmbedder, model_dir

    folder = model_dir()
    if folder is None:
        raise SystemExit("The MiniLM package is not installed.")
    texts = bank_texts()
    vectors = MiniLMEmbedder(folder).embed(texts)
    out = Path(__file__).resolve().parents[1] / "data" / "questions" / SEED_FILE
    np.savez_compressed(out, keys=np.array([key(MODEL_NAME, t) for t in texts]),
                        vectors=vectors.astype(np.float16))
    print(f"{len(texts)} vectors written to {out.name}")


if __name__ == "__main__":
    main()
