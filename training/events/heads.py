"""The event reader: small heads on the shared encoder's output (the NER model's features).

Input per sentence: the features the entity classifier sees (encoder output + case/shape
embedding, 400 wide) at each word's first word piece. The encoder is frozen and shared, so one
forward pass serves entities and events; the heads add a projection, three dilated
convolutions over words (modality and participants sit a few words from the trigger), and:

- trigger tags (BIO over 13 kinds) and referring-phrase tags (BIO REF) per word;
- status of a trigger span (6 classes, masked by type when decoding);
- roles of (trigger, mention) pairs across the trigger's sentence and its neighbours
  (multi-label: participant, visitor, host, party, signatory, place, date);
- antecedent score of (referring phrase, earlier name) pairs.

Everything here is mirrored in src/events/heads.rs; tensor names are the file format.
"""
import torch
from torch import nn

from data import (MENTION_LABELS, REF_TAGS, ROLES, STATUSES, TRIGGER_TAGS, ANTECEDENT_SENTENCES,
                  n_distance_buckets)

IN_DIM = 400
DIM = 256
PAIR = 128
DILATIONS = [1, 2, 4]
DIST_DIM = 16
LABEL_DIM = 8


class EventHeads(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(IN_DIM, DIM)
        self.convs = nn.ModuleList([nn.Conv1d(DIM, DIM, 3, dilation=d, padding=d) for d in DILATIONS])
        self.trigger = nn.Linear(DIM, len(TRIGGER_TAGS))
        self.ref = nn.Linear(DIM, len(REF_TAGS))
        self.status = nn.Linear(DIM, len(STATUSES))
        self.role_dist = nn.Embedding(3 * n_distance_buckets(), DIST_DIM)
        self.ante_dist = nn.Embedding((ANTECEDENT_SENTENCES + 1) * n_distance_buckets(), DIST_DIM)
        self.label = nn.Embedding(len(MENTION_LABELS), LABEL_DIM)
        self.role_hidden = nn.Linear(3 * DIM + DIST_DIM + LABEL_DIM, PAIR)
        self.role_out = nn.Linear(PAIR, len(ROLES))
        self.ante_hidden = nn.Linear(3 * DIM + DIST_DIM + LABEL_DIM, PAIR)
        self.ante_out = nn.Linear(PAIR, 1)
        self.dropout = nn.Dropout(0.1)

    def words(self, x):
        """[words, 400] -> [words, DIM]."""
        h = nn.functional.gelu(self.proj(x))
        for conv in self.convs:
            h = h + nn.functional.gelu(conv(h.t().unsqueeze(0)).squeeze(0).t())
        return h

    def pair(self, hidden, out, a, b, dist, label):
        z = torch.cat([a, b, a * b, dist, label], dim=-1)
        return out(nn.functional.gelu(hidden(self.dropout(z))))

    def roles(self, trig, ment, dist_idx, label_idx):
        return self.pair(self.role_hidden, self.role_out, trig, ment, self.role_dist(dist_idx), self.label(label_idx))

    def antecedents(self, ref, cand, dist_idx, label_idx):
        return self.pair(self.ante_hidden, self.ante_out, ref, cand, self.ante_dist(dist_idx), self.label(label_idx)).squeeze(-1)
