//! Place: the location of a clause ("in Lima", "at State House", "in the capital"), a trip's
//! destination, and the buildings and sites that are no people.

use super::*;

impl Reader<'_> {
    /// The city "in the capital" / "in the Thai capital" (in units `from..to`) refers to: the
    /// dateline's city, or else the city named last before the sentence, of the demonym's
    /// country when there is one; or else that country's capital ("in the Mexican capital":
    /// Mexico City).
    pub(super) fn capital_ref(&self, s: &Sentence, from: usize, to: usize) -> Option<Location> {
        let units = s.units;
        let to = to.min(units.len());
        let k = (from..to).find(|&k| {
            units[k].is_w("capital")
                && k >= 2
                && !s.excluded[k]
                && !units.get(k + 1).is_some_and(|u| u.is_w("of"))
        })?;
        let mut j = k - 1;
        let mut country: Option<&str> = None;
        if units[j].is(EntityLabel::Norp) {
            country = gazetteer::country_of_demonym(self.text(units[j].span));
            country?;
            j -= 1;
        }
        if !(units[j].is_w("the") && j >= 1 && units[j - 1].is_wi(&["in", "at"])) {
            return None;
        }
        if let Some(d) = &self.dateline {
            if country.is_none() || d.country.as_deref() == country {
                return Some(d.clone());
            }
        }
        let before = units.first()?.span.start;
        let text = &self.doc.text;
        self.doc
            .entities
            .iter()
            .take_while(|e| e.span.end <= before)
            .filter(|e| e.label == EntityLabel::Gpe && valid_span(text, e.span))
            .map(|e| &text[e.span.start..e.span.end])
            .filter(|t| !gazetteer::is_country(t))
            .filter_map(|t| gazetteer::country_of_place(t).map(|c| (t, c)))
            .filter(|(_, c)| country.is_none_or(|want| want == *c))
            .last()
            .map(|(t, c)| Location {
                name: t.to_string(),
                country: Some(c.to_string()),
            })
            .or_else(|| {
                let country = country?;
                Some(Location {
                    name: gazetteer::capital_of(country)?.to_string(),
                    country: Some(country.to_string()),
                })
            })
    }
}

impl<'d> Reader<'d> {
    pub(super) fn location_of(&self, u: &Unit) -> Location {
        let raw = self.text(u.span).trim();
        let raw = raw
            .strip_prefix("the ")
            .or_else(|| raw.strip_prefix("The "))
            .unwrap_or(raw);
        Location {
            name: gazetteer::record_place_name(raw),
            country: gazetteer::country_of_place(raw).map(str::to_string),
        }
    }

    /// The first place in `from..to` that follows "in"/"at" (or "village of" ...), with
    /// whether the places listed with it lie in different countries.
    pub(super) fn locative(&self, s: &Sentence, from: usize, to: usize) -> Option<(usize, bool)> {
        let to = to.min(s.units.len());
        for k in from..to {
            let u = &s.units[k];
            if !u.is_place() || u.poss || s.excluded[k] {
                continue;
            }
            if s.units.get(k + 1).is_some_and(|v| v.is_p('-')) && s.word(k + 2) == "based" {
                continue;
            }
            // "at Malacanang Palace in Davao": the place names a building, not the location.
            if s.units
                .get(k + 1)
                .is_some_and(|v| v.cap && v.label.is_none() && !v.punct)
            {
                continue;
            }
            // "at the Kuksaroy residence in Tashkent", "at the Akorda presidential palace": so
            // is a place before a building noun.
            let building = (k + 1..(k + 3).min(to))
                .take_while(|&j| s.units[j].word().is_some())
                .any(|j| s.units[j].is_wi(&BUILDINGS));
            if building {
                continue;
            }
            // Walk back over "the central Vietnamese city of".
            let mut j = k;
            let mut ok = false;
            while j > from && j + 6 > k {
                j -= 1;
                let v = &s.units[j];
                match v.word() {
                    Some("in" | "at" | "inside") => {
                        ok = true;
                        break;
                    }
                    Some("of") => {
                        ok = j > 0 && s.units[j - 1].is_wi(&PLACE_NOUNS);
                        break;
                    }
                    Some(w)
                        if !v.cap
                            && !is_in(
                                &["from", "to", "and", "with", "between", "by", "for", "on"],
                                w,
                            ) =>
                    {
                        continue
                    }
                    _ if v.is(EntityLabel::Norp) => continue,
                    _ => break,
                }
            }
            if !ok {
                continue;
            }
            // Places listed with it ("in Hekou county, Yunnan Province ..., and Lao Cai of Vietnam").
            let mut countries: Vec<String> = Vec::new();
            if let Some(c) = gazetteer::country_of_place(self.text(u.span)) {
                countries.push(c.to_string());
            }
            let mut m = k + 1;
            while m < to && m < k + 24 {
                let v = &s.units[m];
                if v.is_place() && !v.poss {
                    if let Some(c) = gazetteer::country_of_place(self.text(v.span)) {
                        if !countries.iter().any(|x| x == c) {
                            countries.push(c.to_string());
                        }
                    }
                } else if !(v.is_p(',')
                    || v.is_wi(&[
                        "and", "in", "of", "as", "well", "the", "province", "county", "city",
                        "region",
                    ])
                    || v.is(EntityLabel::Norp))
                {
                    break;
                }
                m += 1;
            }
            // "at Zhongnanhai in Beijing": a site the gazetteer does not know, inside a place it
            // knows, is reported as that place.
            let mut best = k;
            // "in Baluwatar, Kathmandu": a quarter the gazetteer does not know, then its city.
            let unknown = gazetteer::country_of_place(self.text(u.span)).is_none();
            if unknown && s.units.get(k + 1).is_some_and(|v| v.is_p(',')) {
                if let Some(v) = s.units.get(k + 2).filter(|v| v.is_place() && !v.poss) {
                    let t = self.text(v.span);
                    if gazetteer::country_of_place(t).is_some() && !gazetteer::is_country(t) {
                        best = k + 2;
                    }
                }
            }
            if s.word(k + 1) == "in" && !gazetteer::is_country(self.text(u.span)) {
                if let Some(v) = s.units.get(k + 2).filter(|v| v.is_place() && !v.poss) {
                    let t = self.text(v.span);
                    if gazetteer::country_of_place(t).is_some() && !gazetteer::is_country(t) {
                        best = k + 2;
                    }
                }
            }
            return Some((best, countries.len() > 1));
        }
        None
    }
}

/// The destination of a visit the event takes place during, in units `from..to`: "during her
/// visit to Lima", "on a visit to Peru".
pub(super) fn visit_destination(s: &Sentence, from: usize, to: usize) -> Option<usize> {
    let units = s.units;
    let to = to.min(units.len());
    let k = (from..to).find(|&k| units[k].is_wi(&["during", "on"]) && !s.excluded[k])?;
    // "during Biden's visit to Toronto": past the visitor.
    let k = if units
        .get(k + 1)
        .is_some_and(|u| u.is(EntityLabel::Person) && u.poss)
    {
        k + 1
    } else {
        k
    };
    let noun = noun_after(units, k, &["visit", "trip", "tour", "stay"])?;
    if noun >= to || s.word(noun + 1) != "to" {
        return None;
    }
    let place = (noun + 2..(noun + 4).min(to)).find(|&j| units[j].is_place() && !units[j].poss)?;
    (units[noun + 2..place].iter().all(|u| u.is_w("the"))).then_some(place)
}

/// The place a capital tagged as a place is named as right after it: "the Egyptian Capital,
/// Cairo" is Cairo. Else `k` itself.
pub(super) fn named_capital(s: &Sentence, k: usize) -> usize {
    let units = s.units;
    if !units[k].low.ends_with("capital") {
        return k;
    }
    let next = if units.get(k + 1).is_some_and(|u| u.is_p(',')) {
        k + 2
    } else {
        k + 1
    };
    match units.get(next) {
        Some(u) if u.is_place() && !u.poss => next,
        _ => k,
    }
}

/// Whether units `from..to` set the event in a visit they do not place: "during his visit",
/// "during the trip", "on the sidelines of the visit".
pub(super) fn during_unplaced_visit(s: &Sentence, from: usize, to: usize) -> bool {
    let units = s.units;
    let to = to.min(units.len());
    (from..to).any(|k| {
        units[k].is_wi(&["during", "on"])
            && units
                .get(k + 1)
                .is_some_and(|u| u.is_wi(&["his", "her", "their", "the", "this"]))
            && units
                .get(k + 2)
                .is_some_and(|u| u.is_wi(&["visit", "trip", "stay"]))
            && !units.get(k + 3).is_some_and(|u| u.is_wi(&["to", "in"]))
    })
}

/// Whether units `from..to` place the event at a building with no town of its own: "at State
/// House", "at the Akorda presidential residence", "at the Merdeka Palace".
pub(super) fn has_venue(s: &Sentence, from: usize, to: usize) -> bool {
    let units = s.units;
    let to = to.min(units.len());
    (from..to).any(|k| {
        units[k].is_w("at")
            && (k + 1..(k + 7).min(to))
                .take_while(|&j| !units[j].punct)
                .any(|j| {
                    let u = &units[j];
                    let last = u.low.rsplit(' ').next().unwrap_or("");
                    !u.is_place() && is_in(&BUILDINGS, last)
                })
    })
}

/// Whether the name at unit `k` names a building or site: after "at"/"in" (through "the" and
/// capitalised words), or before "residence", "palace" ...
pub(super) fn names_a_site(s: &Sentence, k: usize) -> bool {
    static SITES: LazyLock<Vec<&str>> = words!("meetings/sites.txt");
    if s.units
        .get(k + 1)
        .is_some_and(|v| v.is_wi(&SITES) && !v.cap)
    {
        return true;
    }
    let mut j = k;
    while j > 0 && k - j < 4 {
        j -= 1;
        let v = &s.units[j];
        if v.is_wi(&["at", "in", "inside", "outside", "near"]) {
            return true;
        }
        if !(v.is_w("the") || (v.cap && v.label.is_none() && !v.punct)) {
            return false;
        }
    }
    false
}
