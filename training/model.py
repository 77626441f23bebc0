"""The tagger: MiniLM-L6 (uncased BERT) + case/shape embeddings + a linear BIO classifier.

Case enters twice: an embedding added to the word-piece embeddings (zero-initialised, so
training starts from the pretrained encoder unchanged) lets attention use capitalisation of
the neighbours; a small embedding joined to the encoder output gives the classifier the
token's own shape directly.
"""
import torch
from torch import nn
from transformers import BertConfig, BertModel

from features import LABELS, SHAPES

SHAPE_DIM = 16


class Tagger(nn.Module):
    def __init__(self, config: BertConfig, n_labels=len(LABELS), n_shapes=len(SHAPES)):
        super().__init__()
        self.bert = BertModel(config, add_pooling_layer=False)
        hidden = config.hidden_size
        self.case_in = nn.Embedding(n_shapes, hidden)
        nn.init.zeros_(self.case_in.weight)
        self.case_out = nn.Embedding(n_shapes, SHAPE_DIM)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(hidden + SHAPE_DIM, n_labels)

    @classmethod
    def from_encoder(cls, encoder_dir):
        config = BertConfig.from_pretrained(encoder_dir)
        model = cls(config)
        model.bert = BertModel.from_pretrained(encoder_dir, add_pooling_layer=False)
        return model

    def forward(self, ids, mask, shapes):
        return self.encode(ids, mask, shapes)[1]

    def encode(self, ids, mask, shapes):
        """The encoder's last hidden state (what the event heads read) and the tag logits."""
        emb = self.bert.embeddings.word_embeddings(ids) + self.case_in(shapes)
        hidden = self.bert(inputs_embeds=emb, attention_mask=mask).last_hidden_state
        logits = self.classifier(self.dropout(torch.cat([hidden, self.case_out(shapes)], dim=-1)))
        return hidden, logits

    def export_state(self):
        """Tensor names as the Rust loader reads them (HF BERT names without the prefix)."""
        out = {}
        for name, tensor in self.state_dict().items():
            if name.startswith("bert."):
                name = name[len("bert."):]
            out[name] = tensor
        return out
