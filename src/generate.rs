//! Synthetic article corpus: realistic diplomacy/defence news articles for load benchmarks
//! (`bench/load.sh`) and, later, a synthetic evaluation of meeting and agreement extraction.
//!
//! `attache generate --count N --output DIR [--seed S]` writes:
//!
//! ```text
//! DIR/articles/2024/08/20240820-vietnam-china-sign-mou-on-railways-000123.txt   (~91%)
//! DIR/articles/2019/02/20190222-....md                                          (~5%)
//! DIR/articles/2021/11/20211103-....html                                        (~3%)
//! DIR/articles/feeds/wire.jsonl          one record per line: id, title, url, published, text (~1%)
//! DIR/expected.jsonl                     the events each article was generated from
//! ```
//!
//! Point the main job at `DIR/articles` (not `DIR`: `expected.jsonl` is not an article file and
//! would be read as one). Output is a pure function of `(count, seed)`: the same seed gives
//! byte-identical files. A small self-contained PRNG ([`Rng`], splitmix64) keeps it so across
//! platforms and dependency updates.
//!
//! # Articles
//!
//! 250-900 words each (whitespace-separated tokens of the plain-text form, headline and header
//! lines included). House styles imitate wire copy ("HANOI, Dec. 19 (Reuters) - "), APP
//! ("ISLAMABAD, March 27 (APP): ", "READ ALSO:" lines), Yonhap ("SEOUL, April 9 (Yonhap) -- ") and
//! newspaper pages (section label, "Published: Dec 20, 2024 11:19 PM", photo caption). Officials
//! come from a fixed per-seed roster (27 countries and 8 organisations, one person per office,
//! names built from Vietnamese, Chinese, Korean, Japanese, Central Asian, South Asian, Southeast
//! Asian, Mongolian, Russian, Turkish and Western pools), so the same people recur across
//! articles. Each article carries 0-4 events (meetings, talks, visits, calls, conferences with
//! status occurred/planned/cancelled; agreements of every SPEC kind with status
//! signed/planned/discussed) plus filler paragraphs: background, trade figures, quotes, expert
//! comment, spokesperson statements and distractors (warships in port, exercises, statistics).
//! Dates come in every form the extractor resolves: weekdays, "yesterday", year-less and full
//! dates in AP, long and British styles, ranges ("March 26-29", "between 2 and 4 May"), "last
//! week", "earlier this month", "in late May", "next month", "later this year", "in July 2015".
//!
//! About 10% of events are re-reported by a second article (another outlet, another house style,
//! another sentence template and date expression), to exercise cross-document merging.
//!
//! # `expected.jsonl`
//!
//! One line per article, in generation order:
//!
//! ```json
//! {"doc_id": "2024/08/20240820-...-000123.txt", "path": "articles/2024/08/20240820-...-000123.txt",
//!  "format": "txt", "title": "...", "published": "2024-08-20", "words": 612,
//!  "meetings": [{"event_id": "evt-3f2a9c01-0", "kind": "talks", "status": "occurred",
//!    "participants": [{"name": "Ding Xuexiang", "role": "Vice Premier", "country": "China", "organization": null}],
//!    "location": {"name": "Hanoi", "country": "Vietnam"},
//!    "date": {"text": "Wednesday", "value": "2024-08-14"}, "true_date": "2024-08-14",
//!    "topics": ["trade"], "sentence": "...", "first_reported_in": null}],
//!  "agreements": [{"event_id": "...", "kind": "memorandum of understanding", "status": "signed",
//!    "parties": [{"name": "China", "type": "country"}, {"name": "Vietnam", "type": "country"}],
//!    "signatories": [{"name": ..., "role": ..., "country": ..., "organization": ...}],
//!    "subject": "railways and logistics", "location": {...} | null, "date": {...} | null,
//!    "true_date": "2024-08-14", "sentence": "...", "first_reported_in": null}]}
//! ```
//!
//! - `doc_id` is what the main job reports for the article when run on `DIR/articles`: the path
//!   below it, or for a JSON Lines record its `id`. `path` is relative to `DIR`.
//! - Record fields mirror SPEC.md's `meetings.jsonl`/`agreements.jsonl`. `participants` of a
//!   visit list only the visitor (the host place is the `location`); `participants` of a
//!   conference are the named attendees; calls have no `location`.
//! - `date` is `null` when the sentence gives none. `date.text` is the date as written, without a
//!   leading "on"/"in"/"from"; `date.value` is its reading under the conventions of `dates/`
//!   (relative phrases resolved against `published`; an interval for "last week" or "in late
//!   May"). `true_date` is the day (or `start/end` interval) the generator placed the event on:
//!   it lies inside `date.value` but may be more precise.
//! - `event_id` is shared by every article reporting the same event; `first_reported_in` is the
//!   `doc_id` of the first report for a re-report, `null` otherwise.
//! - `sentence` is the sentence that reports the event, as it appears in the text.

use std::collections::VecDeque;
use std::fmt;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------

/// splitmix64: tiny, fast, and the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "Rng::below(0)");
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// An index drawn with the given weights (not all zero).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if r < w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }

    /// `k` distinct items (fewer if `xs` is shorter), in drawn order.
    pub fn sample<T: Clone>(&mut self, xs: &[T], k: usize) -> Vec<T> {
        let mut idx: Vec<usize> = (0..xs.len()).collect();
        let k = k.min(xs.len());
        for i in 0..k {
            let j = i + self.below(idx.len() - i);
            idx.swap(i, j);
        }
        idx[..k].iter().map(|&i| xs[i].clone()).collect()
    }
}

fn mix(seed: u64, n: u64) -> u64 {
    let mut r = Rng::new(seed ^ n.wrapping_mul(0xD6E8_FEB8_6659_FD93));
    r.next_u64()
}

// ---------------------------------------------------------------------------------------------
// Pools
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Names {
    Vietnamese,
    Chinese,
    Korean,
    NorthKorean,
    Japanese,
    CentralAsian,
    Pakistani,
    Indian,
    Indonesian,
    Malay,
    Filipino,
    Thai,
    Lao,
    Khmer,
    Mongolian,
    Singaporean,
    Anglo,
    American,
    French,
    German,
    Italian,
    Polish,
    Russian,
    Turkish,
}

struct Country {
    name: &'static str,
    /// Takes "the" in running text ("the Philippines").
    the: bool,
    demonym: &'static str,
    capital: &'static str,
    cities: &'static [&'static str],
    names: Names,
    agency: &'static str,
    venues: &'static [&'static str],
    offices: &'static [&'static str],
    ministry: &'static str,
    region: &'static str,
}

const GENERIC_OFFICES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Trade Minister",
    "Deputy Prime Minister",
];

const COUNTRIES: &[Country] = &[
    Country {
        name: "Vietnam",
        the: false,
        demonym: "Vietnamese",
        capital: "Hanoi",
        cities: &[
            "Hanoi",
            "Ho Chi Minh City",
            "Da Nang",
            "Haiphong",
            "Can Tho",
            "Hue",
            "Lao Cai",
        ],
        names: Names::Vietnamese,
        agency: "VNA",
        venues: &[
            "the Presidential Palace",
            "the Government Office",
            "the Party Central Committee headquarters",
            "the National Assembly House",
        ],
        offices: &[
            "Party General Secretary",
            "State President",
            "Prime Minister",
            "National Assembly Chairman",
            "Deputy Prime Minister",
            "Foreign Minister",
            "Defence Minister",
            "Minister of Industry and Trade",
            "Public Security Minister",
        ],
        ministry: "foreign ministry",
        region: "Southeast Asia",
    },
    Country {
        name: "China",
        the: false,
        demonym: "Chinese",
        capital: "Beijing",
        cities: &[
            "Beijing",
            "Shanghai",
            "Guangzhou",
            "Nanning",
            "Kunming",
            "Xiamen",
            "Shenzhen",
            "Chengdu",
            "Boao",
        ],
        names: Names::Chinese,
        agency: "Xinhua",
        venues: &[
            "the Great Hall of the People",
            "the Diaoyutai State Guesthouse",
            "Zhongnanhai",
        ],
        offices: &[
            "President",
            "Premier",
            "Vice President",
            "Vice Premier",
            "Foreign Minister",
            "Defense Minister",
            "Commerce Minister",
        ],
        ministry: "foreign ministry",
        region: "East Asia",
    },
    Country {
        name: "South Korea",
        the: false,
        demonym: "South Korean",
        capital: "Seoul",
        cities: &["Seoul", "Busan", "Incheon", "Daegu", "Gwangju", "Jeju"],
        names: Names::Korean,
        agency: "Yonhap",
        venues: &[
            "the presidential office",
            "the foreign ministry",
            "the Government Complex",
        ],
        offices: &[
            "President",
            "Prime Minister",
            "Foreign Minister",
            "Defense Minister",
            "Trade Minister",
            "Unification Minister",
            "National Security Adviser",
        ],
        ministry: "foreign ministry",
        region: "East Asia",
    },
    Country {
        name: "North Korea",
        the: false,
        demonym: "North Korean",
        capital: "Pyongyang",
        cities: &["Pyongyang", "Wonsan", "Kaesong"],
        names: Names::NorthKorean,
        agency: "KCNA",
        venues: &[
            "the Kumsusan guesthouse",
            "the headquarters of the ruling Workers' Party",
        ],
        offices: &[
            "leader",
            "Premier",
            "Foreign Minister",
            "Defence Minister",
            "Vice Foreign Minister",
        ],
        ministry: "foreign ministry",
        region: "East Asia",
    },
    Country {
        name: "Japan",
        the: false,
        demonym: "Japanese",
        capital: "Tokyo",
        cities: &[
            "Tokyo",
            "Osaka",
            "Hiroshima",
            "Kyoto",
            "Yokohama",
            "Fukuoka",
            "Nagoya",
        ],
        names: Names::Japanese,
        agency: "Kyodo",
        venues: &[
            "the prime minister's office",
            "the Iikura Guest House",
            "the Akasaka Palace",
        ],
        offices: &[
            "Prime Minister",
            "Foreign Minister",
            "Defence Minister",
            "Economy, Trade and Industry Minister",
            "Chief Cabinet Secretary",
        ],
        ministry: "foreign ministry",
        region: "East Asia",
    },
    Country {
        name: "Kazakhstan",
        the: false,
        demonym: "Kazakh",
        capital: "Astana",
        cities: &["Astana", "Almaty", "Shymkent", "Aktau", "Turkestan"],
        names: Names::CentralAsian,
        agency: "Kazinform",
        venues: &[
            "the Akorda presidential palace",
            "the Government House",
            "the Palace of Independence",
        ],
        offices: &[
            "President",
            "Prime Minister",
            "Deputy Prime Minister and Foreign Minister",
            "Defence Minister",
            "Trade and Integration Minister",
            "Senate Chairman",
        ],
        ministry: "foreign ministry",
        region: "Central Asia",
    },
    Country {
        name: "Uzbekistan",
        the: false,
        demonym: "Uzbek",
        capital: "Tashkent",
        cities: &["Tashkent", "Samarkand", "Bukhara", "Khiva", "Termez"],
        names: Names::CentralAsian,
        agency: "UzA",
        venues: &["the Kuksaroy residence", "the Senate building"],
        offices: GENERIC_OFFICES,
        ministry: "foreign ministry",
        region: "Central Asia",
    },
    Country {
        name: "Kyrgyzstan",
        the: false,
        demonym: "Kyrgyz",
        capital: "Bishkek",
        cities: &["Bishkek", "Osh", "Cholpon-Ata"],
        names: Names::CentralAsian,
        agency: "Kabar",
        venues: &["the Yntymak Ordo residence", "the White House in Bishkek"],
        offices: &[
            "President",
            "Chairman of the Cabinet of Ministers",
            "Foreign Minister",
            "Defence Minister",
            "Economy and Commerce Minister",
        ],
        ministry: "foreign ministry",
        region: "Central Asia",
    },
    Country {
        name: "Tajikistan",
        the: false,
        demonym: "Tajik",
        capital: "Dushanbe",
        cities: &["Dushanbe", "Khujand"],
        names: Names::CentralAsian,
        agency: "Khovar",
        venues: &["the Palace of the Nation"],
        offices: GENERIC_OFFICES,
        ministry: "foreign ministry",
        region: "Central Asia",
    },
    Country {
        name: "Turkmenistan",
        the: false,
        demonym: "Turkmen",
        capital: "Ashgabat",
        cities: &["Ashgabat", "Turkmenbashi", "Mary"],
        names: Names::CentralAsian,
        agency: "TDH",
        venues: &["the Oguzkhan presidential complex"],
        offices: &[
            "President",
            "Deputy Chairman of the Cabinet of Ministers",
            "Foreign Minister",
            "Defence Minister",
            "Trade Minister",
        ],
        ministry: "foreign ministry",
        region: "Central Asia",
    },
    Country {
        name: "Pakistan",
        the: false,
        demonym: "Pakistani",
        capital: "Islamabad",
        cities: &[
            "Islamabad",
            "Karachi",
            "Lahore",
            "Gwadar",
            "Peshawar",
            "Rawalpindi",
        ],
        names: Names::Pakistani,
        agency: "APP",
        venues: &[
            "the PM House",
            "the Aiwan-e-Sadr",
            "the Foreign Office",
            "the General Headquarters",
        ],
        offices: &[
            "President",
            "Prime Minister",
            "Deputy Prime Minister and Foreign Minister",
            "Defence Minister",
            "Chief of Army Staff",
            "Commerce Minister",
            "Finance Minister",
            "Interior Minister",
        ],
        ministry: "Foreign Office",
        region: "South Asia",
    },
    Country {
        name: "India",
        the: false,
        demonym: "Indian",
        capital: "New Delhi",
        cities: &[
            "New Delhi",
            "Mumbai",
            "Bengaluru",
            "Chennai",
            "Kolkata",
            "Goa",
        ],
        names: Names::Indian,
        agency: "PTI",
        venues: &["Hyderabad House", "Rashtrapati Bhavan", "South Block"],
        offices: &[
            "President",
            "Prime Minister",
            "External Affairs Minister",
            "Defence Minister",
            "Commerce Minister",
            "National Security Adviser",
        ],
        ministry: "Ministry of External Affairs",
        region: "South Asia",
    },
    Country {
        name: "Indonesia",
        the: false,
        demonym: "Indonesian",
        capital: "Jakarta",
        cities: &[
            "Jakarta", "Surabaya", "Bali", "Bandung", "Medan", "Makassar",
        ],
        names: Names::Indonesian,
        agency: "Antara",
        venues: &[
            "the Merdeka Palace",
            "the Bogor Palace",
            "the foreign ministry in Pejambon",
        ],
        offices: &[
            "President",
            "Vice President",
            "Foreign Minister",
            "Defence Minister",
            "Coordinating Minister for Economic Affairs",
            "Trade Minister",
        ],
        ministry: "foreign ministry",
        region: "Southeast Asia",
    },
    Country {
        name: "Philippines",
        the: true,
        demonym: "Philippine",
        capital: "Manila",
        cities: &[
            "Manila",
            "Cebu",
            "Davao",
            "Subic Bay",
            "Puerto Princesa",
            "Clark",
        ],
        names: Names::Filipino,
        agency: "PNA",
        venues: &[
            "Malacanang Palace",
            "Camp Aguinaldo",
            "the Department of Foreign Affairs",
        ],
        offices: &[
            "President",
            "Vice President",
            "Foreign Secretary",
            "Defence Secretary",
            "Trade Secretary",
            "National Security Adviser",
        ],
        ministry: "Department of Foreign Affairs",
        region: "Southeast Asia",
    },
    Country {
        name: "Malaysia",
        the: false,
        demonym: "Malaysian",
        capital: "Kuala Lumpur",
        cities: &[
            "Kuala Lumpur",
            "Putrajaya",
            "Penang",
            "Johor Bahru",
            "Kota Kinabalu",
            "Kuching",
        ],
        names: Names::Malay,
        agency: "Bernama",
        venues: &["Seri Perdana", "Wisma Putra", "Perdana Putra"],
        offices: &[
            "Prime Minister",
            "Deputy Prime Minister",
            "Foreign Minister",
            "Defence Minister",
            "Investment, Trade and Industry Minister",
        ],
        ministry: "foreign ministry",
        region: "Southeast Asia",
    },
    Country {
        name: "Thailand",
        the: false,
        demonym: "Thai",
        capital: "Bangkok",
        cities: &["Bangkok", "Chiang Mai", "Phuket", "Pattaya", "Khon Kaen"],
        names: Names::Thai,
        agency: "TNA",
        venues: &["Government House", "the Royal Thai Army headquarters"],
        offices: &[
            "Prime Minister",
            "Deputy Prime Minister",
            "Foreign Minister",
            "Defence Minister",
            "Commerce Minister",
        ],
        ministry: "foreign ministry",
        region: "Southeast Asia",
    },
    Country {
        name: "Laos",
        the: false,
        demonym: "Lao",
        capital: "Vientiane",
        cities: &["Vientiane", "Luang Prabang", "Pakse"],
        names: Names::Lao,
        agency: "KPL",
        venues: &["the Presidential Palace", "the Prime Minister's Office"],
        offices: &[
            "President",
            "Prime Minister",
            "Foreign Minister",
            "Defence Minister",
        ],
        ministry: "foreign ministry",
        region: "Southeast Asia",
    },
    Country {
        name: "Cambodia",
        the: false,
        demonym: "Cambodian",
        capital: "Phnom Penh",
        cities: &["Phnom Penh", "Siem Reap", "Sihanoukville"],
        names: Names::Khmer,
        agency: "AKP",
        venues: &["the Peace Palace", "the Royal Palace"],
        offices: &[
            "Prime Minister",
            "Deputy Prime Minister",
            "Foreign Minister",
            "Defence Minister",
            "Senate President",
        ],
        ministry: "foreign ministry",
        region: "Southeast Asia",
    },
    Country {
        name: "Singapore",
        the: false,
        demonym: "Singaporean",
        capital: "Singapore",
        cities: &["Singapore"],
        names: Names::Singaporean,
        agency: "CNA",
        venues: &["the Istana", "the Shangri-La Hotel"],
        offices: &[
            "Prime Minister",
            "Deputy Prime Minister",
            "Foreign Minister",
            "Defence Minister",
            "Trade and Industry Minister",
        ],
        ministry: "foreign ministry",
        region: "Southeast Asia",
    },
    Country {
        name: "Mongolia",
        the: false,
        demonym: "Mongolian",
        capital: "Ulaanbaatar",
        cities: &["Ulaanbaatar", "Darkhan", "Erdenet"],
        names: Names::Mongolian,
        agency: "Montsame",
        venues: &["the State Palace"],
        offices: GENERIC_OFFICES,
        ministry: "foreign ministry",
        region: "East Asia",
    },
    Country {
        name: "Australia",
        the: false,
        demonym: "Australian",
        capital: "Canberra",
        cities: &[
            "Canberra",
            "Sydney",
            "Melbourne",
            "Darwin",
            "Perth",
            "Brisbane",
        ],
        names: Names::Anglo,
        agency: "AAP",
        venues: &["Parliament House"],
        offices: &[
            "Prime Minister",
            "Deputy Prime Minister",
            "Foreign Minister",
            "Defence Minister",
            "Trade Minister",
        ],
        ministry: "Department of Foreign Affairs and Trade",
        region: "Oceania",
    },
    Country {
        name: "United States",
        the: true,
        demonym: "U.S.",
        capital: "Washington",
        cities: &["Washington", "New York", "Honolulu", "San Francisco"],
        names: Names::American,
        agency: "AP",
        venues: &["the White House", "the State Department", "the Pentagon"],
        offices: &[
            "President",
            "Vice President",
            "Secretary of State",
            "Defense Secretary",
            "Commerce Secretary",
            "Trade Representative",
        ],
        ministry: "State Department",
        region: "North America",
    },
    Country {
        name: "France",
        the: false,
        demonym: "French",
        capital: "Paris",
        cities: &["Paris", "Marseille", "Lyon", "Toulon", "Brest"],
        names: Names::French,
        agency: "AFP",
        venues: &[
            "the Elysee Palace",
            "the Quai d'Orsay",
            "the Hotel de Brienne",
        ],
        offices: &[
            "President",
            "Prime Minister",
            "Foreign Minister",
            "Armed Forces Minister",
            "Trade Minister",
        ],
        ministry: "foreign ministry",
        region: "Europe",
    },
    Country {
        name: "Germany",
        the: false,
        demonym: "German",
        capital: "Berlin",
        cities: &["Berlin", "Munich", "Hamburg", "Frankfurt", "Bonn"],
        names: Names::German,
        agency: "dpa",
        venues: &[
            "the Chancellery",
            "the Federal Foreign Office",
            "Bellevue Palace",
        ],
        offices: &[
            "Chancellor",
            "President",
            "Foreign Minister",
            "Defence Minister",
            "Economy Minister",
        ],
        ministry: "Federal Foreign Office",
        region: "Europe",
    },
    Country {
        name: "United Kingdom",
        the: true,
        demonym: "British",
        capital: "London",
        cities: &["London", "Edinburgh", "Portsmouth", "Manchester"],
        names: Names::Anglo,
        agency: "PA",
        venues: &["Downing Street", "Lancaster House", "the Foreign Office"],
        offices: &[
            "Prime Minister",
            "Deputy Prime Minister",
            "Foreign Secretary",
            "Defence Secretary",
            "Business and Trade Secretary",
        ],
        ministry: "Foreign Office",
        region: "Europe",
    },
    Country {
        name: "Italy",
        the: false,
        demonym: "Italian",
        capital: "Rome",
        cities: &["Rome", "Milan", "Naples"],
        names: Names::Italian,
        agency: "ANSA",
        venues: &["Palazzo Chigi", "the Farnesina"],
        offices: &[
            "Prime Minister",
            "President",
            "Foreign Minister",
            "Defence Minister",
            "Enterprises Minister",
        ],
        ministry: "foreign ministry",
        region: "Europe",
    },
    Country {
        name: "Poland",
        the: false,
        demonym: "Polish",
        capital: "Warsaw",
        cities: &["Warsaw", "Krakow", "Gdansk"],
        names: Names::Polish,
        agency: "PAP",
        venues: &[
            "the Belweder Palace",
            "the Chancellery of the Prime Minister",
        ],
        offices: GENERIC_OFFICES,
        ministry: "foreign ministry",
        region: "Europe",
    },
    Country {
        name: "Russia",
        the: false,
        demonym: "Russian",
        capital: "Moscow",
        cities: &["Moscow", "St Petersburg", "Vladivostok", "Kazan", "Sochi"],
        names: Names::Russian,
        agency: "TASS",
        venues: &[
            "the Kremlin",
            "the Foreign Ministry mansion",
            "the Novo-Ogaryovo residence",
        ],
        offices: &[
            "President",
            "Prime Minister",
            "Foreign Minister",
            "Defence Minister",
            "Security Council Secretary",
            "Deputy Foreign Minister",
        ],
        ministry: "foreign ministry",
        region: "Europe",
    },
    Country {
        name: "Turkey",
        the: false,
        demonym: "Turkish",
        capital: "Ankara",
        cities: &["Ankara", "Istanbul", "Izmir"],
        names: Names::Turkish,
        agency: "Anadolu",
        venues: &["the Presidential Complex", "the Dolmabahce Palace"],
        offices: &[
            "President",
            "Vice President",
            "Foreign Minister",
            "Defence Minister",
            "Trade Minister",
        ],
        ministry: "foreign ministry",
        region: "Europe",
    },
];

/// Countries that host most of the stories (the tool reads the Asian press): weights by index.
fn country_weight(i: usize) -> u32 {
    match COUNTRIES[i].name {
        "Vietnam" | "China" => 12,
        "South Korea" | "Japan" | "Pakistan" | "Kazakhstan" => 8,
        "Philippines" | "Indonesia" | "United States" | "Uzbekistan" | "India" => 5,
        "North Korea" => 2,
        _ => 3,
    }
}

struct Org {
    name: &'static str,
    roles: &'static [&'static str],
    names: Names,
}

const ORGS: &[Org] = &[
    Org {
        name: "ASEAN",
        roles: &["ASEAN Secretary-General"],
        names: Names::Malay,
    },
    Org {
        name: "European Union",
        roles: &["EU Trade Commissioner", "EU foreign policy chief"],
        names: Names::French,
    },
    Org {
        name: "NATO",
        roles: &["NATO Secretary General"],
        names: Names::Anglo,
    },
    Org {
        name: "United Nations",
        roles: &["UN Secretary-General"],
        names: Names::Italian,
    },
    Org {
        name: "Shanghai Cooperation Organisation",
        roles: &["SCO Secretary-General"],
        names: Names::CentralAsian,
    },
    Org {
        name: "Asian Development Bank",
        roles: &["ADB President"],
        names: Names::Japanese,
    },
    Org {
        name: "World Bank",
        roles: &["World Bank Vice President"],
        names: Names::German,
    },
    Org {
        name: "Organization of Turkic States",
        roles: &["OTS Secretary General"],
        names: Names::Turkish,
    },
];

const VN_FAMILY: &[&str] = &[
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo",
    "Duong", "Ly", "Luong", "Vuong", "Dinh", "Trinh", "Mai", "To",
];
const VN_MIDDLE: &[&str] = &[
    "Van", "Thi", "Duc", "Minh", "Quoc", "Hong", "Xuan", "Thanh", "Dinh", "Huu", "Manh", "Tien",
    "Kim", "Ngoc",
];
const VN_GIVEN: &[&str] = &[
    "Hung", "Chinh", "Cuong", "Quang", "Hai", "Son", "Tuan", "Thang", "Dung", "Phuc", "Hieu",
    "Long", "Binh", "Nam", "Trung", "Khai", "Vinh", "Thuong", "Hue", "Mai", "Lan", "Ha", "Giang",
    "Tam", "Duc", "Hoa", "Quan",
];
const CN_FAMILY: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma",
    "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng",
    "Deng", "Cao", "Peng", "Zeng", "Tian", "Dong", "Pan", "Yuan", "Jiang", "Ding", "Shen", "Yao",
    "Qin", "Wei",
];
const CN_SYLL: &[&str] = &[
    "jian", "guo", "hua", "ming", "wei", "ping", "qiang", "jun", "xue", "xiang", "yi", "hai",
    "long", "feng", "tao", "bin", "hong", "yong", "jie", "lei", "qing", "zhi", "dong", "xin", "yu",
    "chen", "kai", "rui", "cheng", "hui", "lin", "gang", "zhong", "ning", "an",
];
const KR_FAMILY: &[&str] = &[
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo",
    "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong", "Wi",
];
const KR_SYLL: &[&str] = &[
    "min", "jun", "seo", "ji", "hyun", "woo", "young", "sung", "jae", "ho", "dong", "hee", "soo",
    "kyung", "tae", "yeon", "won", "chul", "sang", "eun", "gon", "yul", "lac", "myung",
];
const NK_FAMILY: &[&str] = &["Ri", "Kim", "Choe", "Pak", "Jo", "Kang", "O", "Ryu", "Han"];
const NK_SYLL: &[&str] = &[
    "Son", "Gwon", "Yong", "Chol", "Hui", "Nam", "Su", "Il", "Kwang", "Thae", "Myong", "Chun",
    "Ho", "Jong",
];
const JP_GIVEN: &[&str] = &[
    "Takeshi",
    "Yoko",
    "Minoru",
    "Shigeru",
    "Hiroshi",
    "Kenji",
    "Yoshimasa",
    "Taro",
    "Kazuo",
    "Naoko",
    "Akira",
    "Fumio",
    "Toshimitsu",
    "Katsunobu",
    "Masahiro",
    "Yuko",
    "Gen",
    "Takeshi",
    "Kōichi",
    "Satsuki",
];
const JP_FAMILY: &[&str] = &[
    "Yamamoto",
    "Tanaka",
    "Suzuki",
    "Watanabe",
    "Ito",
    "Nakamura",
    "Kobayashi",
    "Kato",
    "Yoshida",
    "Yamada",
    "Sasaki",
    "Matsumoto",
    "Inoue",
    "Kimura",
    "Hayashi",
    "Shimizu",
    "Mori",
    "Ikeda",
    "Hashimoto",
    "Ishikawa",
    "Nakatani",
    "Iwaya",
];
const CA_GIVEN: &[&str] = &[
    "Murat",
    "Yerlan",
    "Serik",
    "Askar",
    "Nurlan",
    "Bakhtiyor",
    "Sardor",
    "Jamshid",
    "Aibek",
    "Almaz",
    "Rustam",
    "Dastan",
    "Timur",
    "Bekzod",
    "Daniyar",
    "Kanat",
    "Aizhan",
    "Gulnara",
    "Dilnoza",
    "Kassym-Jomart",
    "Shavkat",
    "Sadyr",
    "Emomali",
    "Serdar",
    "Rashid",
    "Zhenis",
    "Olzhas",
    "Akylbek",
    "Rasit",
];
const CA_FAMILY: &[&str] = &[
    "Nurtleu",
    "Saidov",
    "Zhumangarin",
    "Karin",
    "Bektenov",
    "Kulibayev",
    "Abdullayev",
    "Kadyrov",
    "Nazarov",
    "Umarov",
    "Ismailov",
    "Suleimenov",
    "Baimukhanov",
    "Yusupov",
    "Rakhimov",
    "Sharipov",
    "Myradov",
    "Akhmetov",
    "Zhaksylykov",
    "Kassymbek",
    "Meredov",
    "Kazakbaev",
    "Muhriddin",
    "Tursunov",
];
const CA_PATRONYMIC: &[&str] = &[
    "Kemeluly",
    "Abishuly",
    "Serikovich",
    "Nurlanovich",
    "Bakhtiyorovich",
    "Kanatuly",
];
const PK_GIVEN: &[&str] = &[
    "Mohammad", "Muhammad", "Shehbaz", "Khawaja", "Ahsan", "Bilawal", "Tariq", "Ayesha", "Raja",
    "Syed", "Asim", "Jam", "Sherry", "Mohsin",
];
const PK_MIDDLE: &[&str] = &[
    "Ishaq",
    "Asif",
    "Iqbal",
    "Ali",
    "Ahmed",
    "Hussain",
    "Kamal",
    "Aurangzeb",
    "Nawaz",
    "Raza",
    "Naqvi",
];
const PK_FAMILY: &[&str] = &[
    "Dar", "Sharif", "Khan", "Qureshi", "Malik", "Chaudhry", "Abbasi", "Bhutto", "Zardari",
    "Rehman", "Awan", "Butt", "Siddiqui", "Jilani", "Gilani", "Munir",
];
const IN_GIVEN: &[&str] = &[
    "Rajnath",
    "Piyush",
    "Nirmala",
    "Amit",
    "Vikram",
    "Arvind",
    "Sunil",
    "Ajit",
    "Kiren",
    "Meenakshi",
    "Harsh",
];
const IN_FAMILY: &[&str] = &[
    "Singh", "Sharma", "Gupta", "Verma", "Patel", "Reddy", "Iyer", "Menon", "Rao", "Kumar", "Nair",
    "Doval", "Misri", "Goyal",
];
const ID_GIVEN: &[&str] = &[
    "Retno",
    "Budi",
    "Airlangga",
    "Joko",
    "Andi",
    "Dewi",
    "Agus",
    "Bambang",
    "Hendra",
    "Sri",
    "Teguh",
    "Yusuf",
    "Sjafrie",
    "Arif",
];
const ID_FAMILY: &[&str] = &[
    "Marsudi",
    "Hartarto",
    "Santoso",
    "Wibowo",
    "Gunadi",
    "Prasetyo",
    "Kurniawan",
    "Susanto",
    "Sasmita",
    "Wijaya",
    "Hidayat",
    "Havas",
    "Sjamsoeddin",
];
const ID_SINGLE: &[&str] = &["Sugiono", "Widodo", "Suharyanto", "Mulyono", "Sutrisno"];
const MY_GIVEN: &[&str] = &[
    "Anwar",
    "Mohamad",
    "Zambry",
    "Tengku",
    "Ahmad",
    "Fadillah",
    "Khaled",
    "Saifuddin",
    "Nurul",
];
const MY_FAMILY: &[&str] = &[
    "Ibrahim",
    "Hasan",
    "Abdul Kadir",
    "Yusof",
    "Nordin",
    "Zafrul",
    "Nasution",
    "Hamidi",
    "Izzah",
];
const PH_GIVEN: &[&str] = &[
    "Enrique",
    "Gilberto",
    "Ferdinand",
    "Maria",
    "Jose",
    "Eduardo",
    "Teresita",
    "Carlos",
    "Ramon",
    "Antonio",
    "Theresa",
    "Manuel",
];
const PH_FAMILY: &[&str] = &[
    "Manalo",
    "Teodoro",
    "Santos",
    "Reyes",
    "Cruz",
    "Bautista",
    "Garcia",
    "Mendoza",
    "Villanueva",
    "Aquino",
    "Lazaro",
    "Dizon",
    "Año",
    "Pascual",
];
const TH_GIVEN: &[&str] = &[
    "Somchai",
    "Prawit",
    "Sihasak",
    "Anutin",
    "Thanakorn",
    "Kittipong",
    "Chaiwat",
    "Suchart",
    "Nattapong",
    "Parnpree",
    "Maris",
];
const TH_FAMILY: &[&str] = &[
    "Wongsuwan",
    "Chanrasmi",
    "Thavisin",
    "Bunnag",
    "Srisuk",
    "Ratanakorn",
    "Phongsathorn",
    "Sangiampongsa",
    "Bahiddha-nukara",
];
const LA_GIVEN: &[&str] = &[
    "Sonexay",
    "Saleumxay",
    "Thongloun",
    "Bounthong",
    "Phankham",
    "Chansamone",
    "Alounxay",
];
const LA_FAMILY: &[&str] = &[
    "Siphandone",
    "Kommasith",
    "Sisoulith",
    "Viphavanh",
    "Chitmany",
    "Chanyalath",
    "Sounnalath",
];
const KH_FAMILY: &[&str] = &["Hun", "Sok", "Prak", "Chea", "Sun", "Tea", "Men", "Say"];
const KH_GIVEN: &[&str] = &[
    "Manet", "Sokhonn", "Chanthol", "Seiha", "Banh", "Sophea", "Chhum", "Vanna", "Sam Ath",
];
const MN_PATRONYMIC: &[&str] = &[
    "Luvsannamsrain",
    "Ukhnaagiin",
    "Gombojavyn",
    "Batmunkhiin",
    "Tsogtbaataryn",
    "Dashzegviin",
];
const MN_GIVEN: &[&str] = &[
    "Oyun-Erdene",
    "Khurelsukh",
    "Zandanshatar",
    "Battsetseg",
    "Enkhbayar",
    "Ganbold",
    "Amarsaikhan",
];
const SG_GIVEN: &[&str] = &[
    "Vivian", "Lawrence", "Gan", "Grace", "Kenneth", "Desmond", "Ng", "Heng",
];
const SG_FAMILY: &[&str] = &["Wong", "Tan", "Lim", "Teo", "Ong", "Lee", "Chan", "Koh"];
const EN_GIVEN: &[&str] = &[
    "John",
    "Anna",
    "Michael",
    "Catherine",
    "David",
    "Penny",
    "Richard",
    "Mark",
    "Emily",
    "Thomas",
    "Karen",
    "Lloyd",
    "Antony",
    "Sarah",
    "James",
    "Rachel",
    "Peter",
    "Helen",
    "Andrew",
    "Kurt",
];
const EN_FAMILY: &[&str] = &[
    "Miller",
    "Thompson",
    "Anderson",
    "Clarke",
    "Mitchell",
    "Harrison",
    "Campbell",
    "Patterson",
    "Wong",
    "Marles",
    "Healey",
    "Lammy",
    "Bennett",
    "Hughes",
    "Carter",
    "Foster",
    "Reynolds",
    "O'Brien",
    "Sullivan",
    "Whitaker",
];
const FR_GIVEN: &[&str] = &[
    "Jean-Noël",
    "Stéphane",
    "Hélène",
    "Pierre",
    "Sébastien",
    "Catherine",
    "Gabriel",
    "Élisabeth",
    "Benoît",
    "Amélie",
    "Jean-Yves",
];
const FR_FAMILY: &[&str] = &[
    "Barrot", "Lecornu", "Dubois", "Moreau", "Laurent", "Bernard", "Lefèvre", "Girard", "Rousseau",
    "Fontaine", "Le Drian",
];
const DE_GIVEN: &[&str] = &[
    "Annalena",
    "Olaf",
    "Boris",
    "Jörg",
    "Friedrich",
    "Ursula",
    "Katarina",
    "Johann",
    "Helena",
    "Lars",
    "Jens",
];
const DE_FAMILY: &[&str] = &[
    "Müller",
    "Schmidt",
    "Hoffmann",
    "Fischer",
    "Wagner",
    "Becker",
    "Schäfer",
    "Koch",
    "Richter",
    "König",
    "von der Heide",
    "Wadephul",
];
const IT_GIVEN: &[&str] = &[
    "Giorgio",
    "Antonio",
    "Guido",
    "Giorgia",
    "Adolfo",
    "Paola",
    "Matteo",
    "Francesca",
];
const IT_FAMILY: &[&str] = &[
    "Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Tajani", "Crosetto",
    "Urso",
];
const PL_GIVEN: &[&str] = &[
    "Radosław",
    "Władysław",
    "Łukasz",
    "Andrzej",
    "Katarzyna",
    "Tomasz",
    "Małgorzata",
    "Krzysztof",
];
const PL_FAMILY: &[&str] = &[
    "Kowalski",
    "Nowak",
    "Wiśniewski",
    "Kosiniak-Kamysz",
    "Zieliński",
    "Szymański",
    "Wójcik",
    "Domański",
];
const RU_GIVEN: &[&str] = &[
    "Sergei", "Andrei", "Dmitry", "Maria", "Alexei", "Yuri", "Vladimir", "Mikhail", "Oleg",
    "Tatiana",
];
const RU_FAMILY: &[&str] = &[
    "Volkov",
    "Sokolov",
    "Morozov",
    "Petrov",
    "Orlov",
    "Kuznetsov",
    "Lebedev",
    "Novikov",
    "Fedorov",
    "Rudenko",
    "Shoigin",
];
const TR_GIVEN: &[&str] = &[
    "Hakan", "Mevlüt", "Yaşar", "Ahmet", "Mehmet", "İbrahim", "Cevdet", "Ömer", "Ayşe", "Zeynep",
];
const TR_FAMILY: &[&str] = &[
    "Fidan", "Güler", "Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Öztürk", "Aydın", "Arslan",
    "Bolat",
];
const MIDDLE_INITIALS: &[&str] = &["J.", "A.", "R.", "M.", "T.", "C.", "W.", "K."];

fn syllables(rng: &mut Rng, pool: &[&str], n: usize) -> String {
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(pool[rng.below(pool.len())]);
    }
    capitalize(&s)
}

/// A full name and the short form later mentions use ("Lam" for "To Lam", "Wang" for "Wang Yi").
fn make_name(rng: &mut Rng, style: Names) -> (String, String) {
    let p = |rng: &mut Rng, xs: &[&str]| rng.pick(xs).to_string();
    match style {
        Names::Vietnamese => {
            let family = p(rng, VN_FAMILY);
            let given = p(rng, VN_GIVEN);
            if rng.chance(0.15) {
                (format!("{family} {given}"), given)
            } else if rng.chance(0.12) {
                (
                    format!(
                        "{family} {} {} {given}",
                        p(rng, VN_MIDDLE),
                        p(rng, VN_MIDDLE)
                    ),
                    given,
                )
            } else {
                (format!("{family} {} {given}", p(rng, VN_MIDDLE)), given)
            }
        }
        Names::Chinese => {
            let family = p(rng, CN_FAMILY);
            let n = if rng.chance(0.25) { 1 } else { 2 };
            (format!("{family} {}", syllables(rng, CN_SYLL, n)), family)
        }
        Names::Korean => {
            let family = p(rng, KR_FAMILY);
            let given = format!(
                "{}-{}",
                capitalize(KR_SYLL[rng.below(KR_SYLL.len())]),
                rng.pick(KR_SYLL)
            );
            (format!("{family} {given}"), family)
        }
        Names::NorthKorean => {
            let family = p(rng, NK_FAMILY);
            (
                format!(
                    "{family} {}-{}",
                    p(rng, NK_SYLL),
                    p(rng, NK_SYLL).to_lowercase()
                ),
                family,
            )
        }
        Names::Japanese => {
            let family = p(rng, JP_FAMILY);
            (format!("{} {family}", p(rng, JP_GIVEN)), family)
        }
        Names::CentralAsian => {
            let family = p(rng, CA_FAMILY);
            if rng.chance(0.15) {
                (
                    format!("{} {} {family}", p(rng, CA_GIVEN), p(rng, CA_PATRONYMIC)),
                    family,
                )
            } else {
                (format!("{} {family}", p(rng, CA_GIVEN)), family)
            }
        }
        Names::Pakistani => {
            let family = p(rng, PK_FAMILY);
            if rng.chance(0.5) {
                (
                    format!("{} {} {family}", p(rng, PK_GIVEN), p(rng, PK_MIDDLE)),
                    family,
                )
            } else {
                (format!("{} {family}", p(rng, PK_GIVEN)), family)
            }
        }
        Names::Indian => {
            let family = p(rng, IN_FAMILY);
            (format!("{} {family}", p(rng, IN_GIVEN)), family)
        }
        Names::Indonesian => {
            if rng.chance(0.2) {
                let n = p(rng, ID_SINGLE);
                (n.clone(), n)
            } else {
                let family = p(rng, ID_FAMILY);
                (format!("{} {family}", p(rng, ID_GIVEN)), family)
            }
        }
        Names::Malay => {
            let given = p(rng, MY_GIVEN);
            (format!("{given} {}", p(rng, MY_FAMILY)), given)
        }
        Names::Filipino => {
            let family = p(rng, PH_FAMILY);
            let given = p(rng, PH_GIVEN);
            let r = rng.below(10);
            if r < 2 {
                (
                    format!("{given} {} {family}", p(rng, MIDDLE_INITIALS)),
                    family,
                )
            } else if r < 3 {
                (format!("{given} {family} Jr."), family)
            } else {
                (format!("{given} {family}"), family)
            }
        }
        Names::Thai => {
            let family = p(rng, TH_FAMILY);
            let given = p(rng, TH_GIVEN);
            (format!("{given} {family}"), given)
        }
        Names::Lao => {
            let family = p(rng, LA_FAMILY);
            (format!("{} {family}", p(rng, LA_GIVEN)), family)
        }
        Names::Khmer => {
            let family = p(rng, KH_FAMILY);
            let given = p(rng, KH_GIVEN);
            (format!("{family} {given}"), given)
        }
        Names::Mongolian => {
            let given = p(rng, MN_GIVEN);
            (format!("{} {given}", p(rng, MN_PATRONYMIC)), given)
        }
        Names::Singaporean => {
            let family = p(rng, SG_FAMILY);
            (format!("{} {family}", p(rng, SG_GIVEN)), family)
        }
        Names::Anglo | Names::American => {
            let family = p(rng, EN_FAMILY);
            if style == Names::American && rng.chance(0.35) {
                (
                    format!("{} {} {family}", p(rng, EN_GIVEN), p(rng, MIDDLE_INITIALS)),
                    family,
                )
            } else {
                (format!("{} {family}", p(rng, EN_GIVEN)), family)
            }
        }
        Names::French => western(rng, FR_GIVEN, FR_FAMILY),
        Names::German => western(rng, DE_GIVEN, DE_FAMILY),
        Names::Italian => western(rng, IT_GIVEN, IT_FAMILY),
        Names::Polish => western(rng, PL_GIVEN, PL_FAMILY),
        Names::Russian => western(rng, RU_GIVEN, RU_FAMILY),
        Names::Turkish => western(rng, TR_GIVEN, TR_FAMILY),
    }
}

fn western(rng: &mut Rng, given: &[&str], family: &[&str]) -> (String, String) {
    let f = rng.pick(family).to_string();
    (format!("{} {f}", rng.pick(given)), f)
}

const TOPICS: &[&str] = &[
    "trade",
    "energy",
    "transport",
    "education",
    "regional security",
    "maritime security",
    "climate change",
    "supply chains",
    "agriculture",
    "green energy",
    "digital transformation",
    "defence industry cooperation",
    "counter-terrorism",
    "investment",
    "tourism",
    "critical minerals",
    "people-to-people exchanges",
    "connectivity",
    "health care",
    "semiconductors",
    "labour mobility",
    "food security",
    "cyber security",
    "infrastructure",
];

const SUBJECTS: &[&str] = &[
    "cooperation in agriculture and food security",
    "mutual visa exemption for holders of ordinary passports",
    "railways and logistics",
    "critical minerals supply chains",
    "defence industry cooperation",
    "maritime security cooperation",
    "the avoidance of double taxation",
    "mutual legal assistance in criminal matters",
    "cooperation in the peaceful use of nuclear energy",
    "the promotion and protection of investments",
    "cultural exchanges",
    "higher education and scientific research",
    "combating transnational crime",
    "digital transformation",
    "green hydrogen",
    "cyber security",
    "customs cooperation",
    "the establishment of a defence hotline",
    "health care and pharmaceuticals",
    "tourism promotion",
    "labour cooperation",
    "fisheries",
    "climate change and environmental protection",
    "search and rescue at sea",
    "joint military training",
    "the supply of liquefied natural gas",
    "cooperation between the two countries' central banks",
    "the recognition of driving licences",
    "civil aviation",
    "space research",
    "water resources management",
    "youth and sports exchanges",
    "standards and metrology",
    "the exchange of classified military information",
];

const TREATY_SUBJECTS: &[&str] = &[
    "mutual legal assistance in criminal matters",
    "extradition",
    "the transfer of sentenced persons",
    "good-neighbourliness and friendship",
];

const STATEMENT_SUBJECTS: &[&str] = &[
    "deepening the comprehensive strategic partnership",
    "further strengthening bilateral relations",
    "cooperation in the new period",
    "peace and stability in the region",
];

const CONTRACT_ITEMS: &[&str] = &[
    "the supply of two offshore patrol vessels",
    "the supply of 12 light combat aircraft",
    "the construction of a 500-megawatt solar power plant",
    "the upgrade of a cross-border railway line",
    "the supply of coastal radar systems",
    "the construction of a deep-water container terminal",
    "the supply of 24 utility helicopters",
    "the modernisation of a fertiliser plant",
];

const COMPANY_SUFFIXES: &[&str] = &[
    "Shipbuilding Corp",
    "Power Holding",
    "National Railways",
    "Aerospace Industries",
    "Engineering Group",
    "Energy Co",
];

const VENUE_GENERIC: &[&str] = &[
    "the foreign ministry",
    "the Government Office",
    "the presidential palace",
    "a state guesthouse",
];

const SPEC_NEWSPAPERS: &[&str] = &[
    "the South China Morning Post",
    "The Korea Times",
    "the Korea Herald",
    "the Jakarta Post",
    "the Philippine Daily Inquirer",
    "the Saigon Times",
    "The Diplomat",
    "Nikkei Asia",
    "the Bangkok Post",
    "the Straits Times",
    "Dawn",
    "The Astana Times",
    "the Financial Times",
];

const EXERCISES: &[&str] = &[
    "Freedom Shield",
    "Balikatan",
    "Pitch Black",
    "Cobra Gold",
    "Garuda Shield",
    "Steppe Eagle",
    "Malabar",
    "Sea Breeze",
    "Ulchi Freedom",
    "Talisman Sabre",
];

const SECTIONS: &[&str] = &[
    "WORLD / ASIA-PACIFIC",
    "NATIONAL / DIPLOMACY",
    "POLITICS / DEFENSE",
    "CHINA / DIPLOMACY",
    "WORLD / EUROPE",
    "NATION",
    "BUSINESS / ECONOMY",
    "SOURCE / DIPLOMACY",
    "NATIONAL / DEFENSE",
    "WORLD / ASIA",
];

const GOALS: &[&str] = &[
    "step up cooperation in trade and investment",
    "maintain high-level exchanges",
    "work towards a free trade agreement",
    "strengthen coordination at multilateral forums",
    "expand defence and security ties",
    "keep supply chains open",
    "speed up work on joint infrastructure projects",
    "double two-way trade by 2030",
];

const QUOTES: &[&str] = &[
    "We regard this relationship as a top priority of our foreign policy",
    "The two sides should turn political trust into concrete results",
    "There is great potential for cooperation that we have not yet tapped",
    "Our partnership is not directed against any third party",
    "We want to see more flights, more students and more investment",
    "Dialogue is the only way to resolve differences",
    "This visit opens a new chapter in our relations",
    "We are ready to work with our partners to keep the region peaceful and stable",
    "Trade figures are good, but they can be much better",
    "Security in one country cannot come at the expense of another",
];

const ANALYSES: &[&str] = &[
    "the talks were a sign that both governments wanted to hedge their bets",
    "the relationship was becoming more important as supply chains fragment",
    "the agreement would only matter if financing followed",
    "domestic politics would set the pace of any rapprochement",
    "the timing was meant to reassure partners amid uncertainty over Washington's commitments",
    "the visit was more about symbolism than substance",
    "the two sides were trying to insulate economic ties from their maritime disputes",
    "smaller states in the region were seeking partners other than the great powers",
];

const SECOND_QUOTES: &[&str] = &[
    "The political will is clearly there on both sides. The challenge now is financing and security",
    "Both governments are under pressure at home, so they need each other",
    "The message is aimed as much at their neighbours as at each other",
    "This is where the relationship will be judged",
    "Nobody wants to be forced to choose sides",
    "It is a natural step for two countries facing similar pressure",
];

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Collapses the double spaces and " ," left by empty template slots.
fn tidy(s: &str) -> String {
    let mut out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for (from, to) in [
        (" ,", ","),
        (" .", "."),
        (",,", ","),
        (", .", "."),
        (",.", "."),
        ("Jr..", "Jr."),
    ] {
        while out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn list(items: &[&str]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].to_string(),
        2 => format!("{} and {}", items[0], items[1]),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// "a" or "an" for the word that follows.
fn a_an(word: &str) -> &'static str {
    let w = word.to_ascii_lowercase();
    if w.starts_with("eu") || w.starts_with("uni") || w.starts_with("one") {
        "a"
    } else if w.starts_with(['a', 'e', 'i', 'o', 'u'])
        || w.starts_with("mou")
        || w.starts_with("hour")
    {
        "an"
    } else {
        "a"
    }
}

/// A warship of country `c`: its type and name with the navy's prefix.
fn ship(rng: &mut Rng, c: usize) -> (&'static str, String) {
    let country = &COUNTRIES[c];
    let kind = *rng.pick(&[
        "frigate",
        "destroyer",
        "corvette",
        "training ship",
        "amphibious assault ship",
        "offshore patrol vessel",
    ]);
    let prefix = match country.name {
        "United States" => "USS ",
        "United Kingdom" => "HMS ",
        "Australia" => "HMAS ",
        "Japan" => "JS ",
        "South Korea" => "ROKS ",
        "Philippines" => "BRP ",
        "Indonesia" => "KRI ",
        "Malaysia" => "KD ",
        "India" => "INS ",
        "Pakistan" => "PNS ",
        "France" => "FS ",
        "Germany" => "FGS ",
        "Italy" => "ITS ",
        "Singapore" => "RSS ",
        "Thailand" => "HTMS ",
        _ => "",
    };
    let (full, short) = make_name(rng, country.names);
    let name = if rng.chance(0.5) {
        rng.pick(country.cities).to_string()
    } else if rng.chance(0.5) {
        full
    } else {
        short
    };
    (kind, format!("{prefix}{name}"))
}

/// 64000 -> "64,000".
fn thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn number_word(n: i64) -> String {
    const W: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    if (0..=10).contains(&n) {
        W[n as usize].to_string()
    } else {
        n.to_string()
    }
}

fn ordinal(n: i64) -> String {
    const W: &[&str] = &[
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth",
    ];
    if (1..=10).contains(&n) {
        return W[n as usize].to_string();
    }
    let suffix = match (n % 10, n % 100) {
        (1, x) if x != 11 => "st",
        (2, x) if x != 12 => "nd",
        (3, x) if x != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn slug(s: &str) -> String {
    let mut out = Vec::new();
    for w in s.split(|c: char| !c.is_ascii_alphanumeric()) {
        if !w.is_empty() {
            out.push(w.to_ascii_lowercase());
        }
        if out.len() == 7 {
            break;
        }
    }
    out.join("-")
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateStyle {
    /// "Aug. 20", "Sept. 3", "March 5"
    Ap,
    /// "August 20"
    Long,
    /// "20 August"
    British,
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_AP: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const MONTHS_3: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn ym(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

fn days(d: NaiveDate, n: i64) -> NaiveDate {
    d + Duration::days(n)
}

fn month_start(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap()
}

fn month_end(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    days(NaiveDate::from_ymd_opt(y, m, 1).unwrap(), -1)
}

fn monday(d: NaiveDate) -> NaiveDate {
    days(d, -(d.weekday().num_days_from_monday() as i64))
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn month_name(m: u32) -> &'static str {
    MONTHS[m as usize - 1]
}

/// "Aug. 20" / "August 20" / "20 August".
fn md(d: NaiveDate, style: DateStyle) -> String {
    let m = d.month() as usize - 1;
    match style {
        DateStyle::Ap => format!("{} {}", MONTHS_AP[m], d.day()),
        DateStyle::Long => format!("{} {}", MONTHS[m], d.day()),
        DateStyle::British => format!("{} {}", d.day(), MONTHS[m]),
    }
}

/// "Aug. 20, 2024" / "August 20, 2024" / "20 August 2024".
fn mdy(d: NaiveDate, style: DateStyle) -> String {
    match style {
        DateStyle::British => format!("{} {}", md(d, style), d.year()),
        _ => format!("{}, {}", md(d, style), d.year()),
    }
}

/// A date as written in a sentence: `phrase` goes into running text ("on Thursday", "from April
/// 11 to 12", "last week"); `text` is the date itself ("Thursday", "April 11 to 12"); `value` its
/// ISO reading under `dates/` conventions.
#[derive(Debug, Clone)]
struct DateExpr {
    phrase: String,
    text: String,
    value: Option<String>,
}

fn de(phrase: String, text: String, value: Option<String>) -> DateExpr {
    DateExpr {
        phrase,
        text,
        value,
    }
}

fn on(text: String, value: String) -> DateExpr {
    de(format!("on {text}"), text, Some(value))
}

/// Imprecise phrases that cover `d` seen from `p` ("last week", "in late May", "next month").
fn vague_candidates(p: NaiveDate, d: NaiveDate, future: bool) -> Vec<DateExpr> {
    let mut v = Vec::new();
    let part = |d: NaiveDate| -> (&'static str, NaiveDate, NaiveDate) {
        let m0 = month_start(d);
        match d.day() {
            1..=10 => ("early", m0, days(m0, 9)),
            11..=20 => ("mid", days(m0, 10), days(m0, 19)),
            _ => ("late", days(m0, 20), month_end(d)),
        }
    };
    let part_text = |d: NaiveDate, with_year: bool| -> (String, String) {
        let (w, a, b) = part(d);
        let m = month_name(d.month());
        let t = if w == "mid" {
            format!("mid-{m}")
        } else {
            format!("{w} {m}")
        };
        let t = if with_year {
            format!("{t} {}", d.year())
        } else {
            t
        };
        (t, format!("{}/{}", iso(a), iso(b)))
    };
    let same_year = d.year() == p.year();
    if d < p {
        let lw = days(monday(p), -7);
        if d >= lw && d <= days(lw, 6) {
            v.push(de(
                "last week".into(),
                "last week".into(),
                Some(format!("{}/{}", iso(lw), iso(days(lw, 6)))),
            ));
        }
        if d >= monday(p) {
            v.push(de(
                "earlier this week".into(),
                "earlier this week".into(),
                Some(format!("{}/{}", iso(monday(p)), iso(p))),
            ));
        }
        if same_year && d.month() == p.month() {
            v.push(de(
                "earlier this month".into(),
                "earlier this month".into(),
                Some(format!("{}/{}", iso(month_start(p)), iso(p))),
            ));
        }
        let prev = days(month_start(p), -1);
        if d.year() == prev.year() && d.month() == prev.month() {
            v.push(de("last month".into(), "last month".into(), Some(ym(d))));
        }
        if same_year && d.month() < p.month() {
            let m = month_name(d.month()).to_string();
            v.push(de(format!("in {m}"), m, Some(ym(d))));
            let (t, val) = part_text(d, false);
            v.push(de(format!("in {t}"), t, Some(val)));
            if p.month() - d.month() >= 2 {
                v.push(de(
                    "earlier this year".into(),
                    "earlier this year".into(),
                    Some(format!("{}-01-01/{}", p.year(), iso(p))),
                ));
            }
        }
        if d.year() < p.year() {
            let t = format!("{} {}", month_name(d.month()), d.year());
            v.push(de(format!("in {t}"), t, Some(ym(d))));
            let (t, val) = part_text(d, true);
            v.push(de(format!("in {t}"), t, Some(val)));
            if d.year() == p.year() - 1 {
                v.push(de(
                    "last year".into(),
                    "last year".into(),
                    Some(d.year().to_string()),
                ));
            } else {
                v.push(de(
                    format!("in {}", d.year()),
                    d.year().to_string(),
                    Some(d.year().to_string()),
                ));
            }
        }
    } else if d > p {
        let nw = days(monday(p), 7);
        if d >= nw && d <= days(nw, 6) {
            v.push(de(
                "next week".into(),
                "next week".into(),
                Some(format!("{}/{}", iso(nw), iso(days(nw, 6)))),
            ));
        }
        if same_year && d.month() == p.month() {
            v.push(de(
                "later this month".into(),
                "later this month".into(),
                Some(format!("{}/{}", iso(p), iso(month_end(p)))),
            ));
        }
        let next = days(month_end(p), 1);
        if d.year() == next.year() && d.month() == next.month() {
            v.push(de("next month".into(), "next month".into(), Some(ym(d))));
        }
        if same_year && d.month() > p.month() && future {
            let m = month_name(d.month()).to_string();
            v.push(de(format!("in {m}"), m, Some(ym(d))));
            let (t, val) = part_text(d, false);
            v.push(de(format!("in {t}"), t, Some(val)));
        }
        if same_year && future {
            v.push(de(
                "later this year".into(),
                "later this year".into(),
                Some(format!("{}/{}-12-31", iso(p), p.year())),
            ));
        }
        if d.year() == p.year() + 1 {
            v.push(de(
                "next year".into(),
                "next year".into(),
                Some(d.year().to_string()),
            ));
            if d.month() <= 4 {
                v.push(de(
                    "early next year".into(),
                    "early next year".into(),
                    Some(format!("{0}-01/{0}-04", d.year())),
                ));
            }
        }
    }
    v
}

/// How a single day `d` is written in an article published on `p`. `future`: the clause is
/// about the future ("will meet on Thursday"); `vague`: prefer imprecise phrases.
fn express_day(
    rng: &mut Rng,
    p: NaiveDate,
    d: NaiveDate,
    future: bool,
    style: DateStyle,
    vague: bool,
) -> DateExpr {
    if vague {
        let v = vague_candidates(p, d, future);
        if !v.is_empty() && rng.chance(0.8) {
            return rng.pick(&v).clone();
        }
    }
    let diff = (d - p).num_days();
    let mut cands: Vec<(u32, DateExpr)> = Vec::new();
    let wd = weekday_name(d.weekday());
    let weekday_ok = if future {
        (1..=6).contains(&diff)
    } else {
        (-6..=0).contains(&diff)
    };
    if weekday_ok {
        cands.push((10, on(wd.to_string(), iso(d))));
        let part = *rng.pick(&["morning", "afternoon", "evening"]);
        cands.push((1, on(format!("{wd} {part}"), iso(d))));
    }
    if !future && diff == -1 {
        cands.push((1, de("yesterday".into(), "yesterday".into(), Some(iso(d)))));
    }
    if future && diff == 1 {
        cands.push((1, de("tomorrow".into(), "tomorrow".into(), Some(iso(d)))));
    }
    let yearless_ok = d.year() == p.year()
        && if future {
            d.month() >= p.month()
        } else {
            d.month() <= p.month()
        };
    if yearless_ok {
        cands.push((5, on(md(d, style), iso(d))));
    }
    cands.push((2, on(mdy(d, style), iso(d))));
    let weights: Vec<u32> = cands.iter().map(|c| c.0).collect();
    let i = rng.weighted(&weights);
    cands.swap_remove(i).1
}

/// How a stretch of days `s..=e` is written ("March 26-29", "from April 11 to 12", "between 2
/// and 4 May", "from Sept. 30 to Oct. 2").
fn express_range(
    rng: &mut Rng,
    p: NaiveDate,
    s: NaiveDate,
    e: NaiveDate,
    style: DateStyle,
) -> DateExpr {
    let value = format!("{}/{}", iso(s), iso(e));
    let with_year = s.year() != p.year() || e.year() != p.year();
    let year = |t: String| -> String {
        if !with_year {
            t
        } else if style == DateStyle::British {
            format!("{t} {}", e.year())
        } else {
            format!("{t}, {}", e.year())
        }
    };
    if s.month() == e.month() {
        let m = s.month() as usize - 1;
        let month = if style == DateStyle::Ap {
            MONTHS_AP[m]
        } else {
            MONTHS[m]
        };
        match (style, rng.below(3)) {
            (DateStyle::British, 0) => {
                let t = year(format!("{}-{} {}", s.day(), e.day(), MONTHS[m]));
                de(format!("on {t}"), t, Some(value))
            }
            (DateStyle::British, 1) => {
                let t = year(format!("between {} and {} {}", s.day(), e.day(), MONTHS[m]));
                de(t.clone(), t, Some(value))
            }
            (DateStyle::British, _) => {
                let t = year(format!("{} to {} {}", s.day(), e.day(), MONTHS[m]));
                de(format!("from {t}"), t, Some(value))
            }
            (_, 0) => {
                let t = year(format!("{month} {}-{}", s.day(), e.day()));
                de(format!("on {t}"), t, Some(value))
            }
            (_, _) => {
                let t = year(format!("{month} {} to {}", s.day(), e.day()));
                de(format!("from {t}"), t, Some(value))
            }
        }
    } else {
        let t = year(format!("{} to {}", md(s, style), md(e, style)));
        de(format!("from {t}"), t, Some(value))
    }
}

/// Header date lines and datelines.
fn published_line(rng: &mut Rng, p: NaiveDate) -> String {
    let h = rng.between(1, 12);
    let m = rng.between(0, 59);
    let ampm = if rng.chance(0.5) { "AM" } else { "PM" };
    let day = if rng.chance(0.5) {
        format!("{:02}", p.day())
    } else {
        p.day().to_string()
    };
    format!(
        "Published: {} {day}, {} {h:02}:{m:02} {ampm}",
        MONTHS_3[p.month() as usize - 1],
        p.year()
    )
}

fn updated_line(rng: &mut Rng, p: NaiveDate) -> String {
    format!(
        "Updated: {} {:02}:{:02}",
        iso(p),
        rng.between(0, 23),
        rng.between(0, 59)
    )
}

fn dateline_date(p: NaiveDate, style: DateStyle) -> String {
    match style {
        DateStyle::Long => format!("{} {}", month_name(p.month()), p.day()),
        _ => format!("{} {}", MONTHS_AP[p.month() as usize - 1], p.day()),
    }
}

// ---------------------------------------------------------------------------------------------
// People and events
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rank {
    Leader,
    Deputy,
    Foreign,
    Defence,
    Trade,
    Other,
}

fn rank_of(role: &str, office_index: usize) -> Rank {
    if role.contains("Foreign")
        || role.contains("Secretary of State")
        || role.contains("External Affairs")
    {
        Rank::Foreign
    } else if role.contains("Defen") || role.contains("Armed Forces") || role.contains("Army Staff")
    {
        Rank::Defence
    } else if role.contains("Trade")
        || role.contains("Commerce")
        || role.contains("Economy")
        || role.contains("Economic")
        || role.contains("Enterprises")
    {
        Rank::Trade
    } else if office_index < 2 && !role.contains("Vice") {
        Rank::Leader
    } else if role.contains("Deputy") || role.contains("Vice") {
        Rank::Deputy
    } else {
        Rank::Other
    }
}

#[derive(Debug, Clone)]
struct Person {
    full: String,
    short: String,
    role: String,
    rank: Rank,
    country: Option<usize>,
    org: Option<usize>,
}

impl Person {
    fn json(&self) -> Value {
        json!({
            "name": self.full,
            "role": self.role,
            "country": self.country.map(|c| COUNTRIES[c].name),
            "organization": self.org.map(|o| ORGS[o].name),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Meeting,
    Talks,
    Visit,
    Call,
    Conference,
    Agreement,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Talks => "talks",
            Kind::Visit => "visit",
            Kind::Call => "call",
            Kind::Conference => "conference",
            Kind::Agreement => "agreement",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Occurred,
    Planned,
    Cancelled,
    Signed,
    Discussed,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
            Status::Cancelled => "cancelled",
            Status::Signed => "signed",
            Status::Discussed => "discussed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AgrKind {
    Mou,
    Agreement,
    Treaty,
    JointStatement,
    Partnership,
    Contract,
    Protocol,
    Declaration,
}

impl AgrKind {
    fn as_str(self) -> &'static str {
        match self {
            AgrKind::Mou => "memorandum of understanding",
            AgrKind::Agreement => "agreement",
            AgrKind::Treaty => "treaty",
            AgrKind::JointStatement => "joint statement",
            AgrKind::Partnership => "partnership",
            AgrKind::Contract => "contract",
            AgrKind::Protocol => "protocol",
            AgrKind::Declaration => "declaration",
        }
    }
}

#[derive(Debug, Clone)]
struct Place {
    city: String,
    country: String,
}

#[derive(Debug, Clone)]
struct Event {
    id: String,
    kind: Kind,
    status: Status,
    /// Participants (meetings) or signatories (agreements), as roster indices.
    people: Vec<usize>,
    /// Agreements: (name, "country" | "organization").
    parties: Vec<(String, &'static str)>,
    agr: AgrKind,
    subject: String,
    place: Option<Place>,
    /// Host country of a visit (roster country index).
    host: Option<usize>,
    start: NaiveDate,
    end: NaiveDate,
    /// Written with an imprecise date phrase when one fits (background events).
    vague: bool,
    conference: String,
    visit_type: &'static str,
}

impl Event {
    fn true_date(&self) -> String {
        if self.start == self.end {
            iso(self.start)
        } else {
            format!("{}/{}", iso(self.start), iso(self.end))
        }
    }
    fn future(&self) -> bool {
        self.status == Status::Planned
    }
}

/// An event reported once and available for a second report.
#[derive(Debug, Clone)]
struct Reported {
    event: Event,
    doc_id: String,
    published: NaiveDate,
    home: usize,
    template: usize,
}

/// What the article says about one event.
struct Mention {
    event: Event,
    sentence: String,
    date: Option<DateExpr>,
    topics: Vec<&'static str>,
    template: usize,
    first_reported_in: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------------------------

/// File format of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Txt,
    Md,
    Html,
    /// A line of `articles/feeds/wire.jsonl`.
    Record,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Html => "html",
            Format::Record => "jsonl",
        }
    }
    /// By index: exact shares of ~91% txt, 5% md, 3% html, 1% JSON Lines records (index 1, 101,
    /// ... so that any corpus of two or more articles has the .jsonl file).
    fn of(index: usize) -> Format {
        match index % 100 {
            1 => Format::Record,
            7 | 41 | 73 => Format::Html,
            3 | 22 | 48 | 66 | 89 => Format::Md,
            _ => Format::Txt,
        }
    }
}

/// One generated article.
#[derive(Debug, Clone)]
pub struct Article {
    pub index: usize,
    pub format: Format,
    /// The main job's doc_id when run on `DIR/articles`.
    pub doc_id: String,
    /// Path relative to `DIR`.
    pub path: String,
    pub title: String,
    pub published: NaiveDate,
    /// Plain-text form (what a `.txt` file holds).
    pub text: String,
    /// File content (or, for a record, its JSON line without the newline).
    pub content: String,
    /// Whitespace-separated tokens of `text`.
    pub words: usize,
    /// This article's line of `expected.jsonl`.
    pub expected: Value,
    /// Events in this article, and how many of them repeat an earlier article's.
    pub events: usize,
    pub rereports: usize,
}

/// Words per article (plain-text form).
pub const MIN_WORDS: usize = 250;
pub const MAX_WORDS: usize = 900;

/// The generator: a per-seed roster of officials and a pool of recent events to re-report.
pub struct Generator {
    seed: u64,
    index: usize,
    people: Vec<Person>,
    /// Roster indices by country.
    by_country: Vec<Vec<usize>>,
    by_org: Vec<Vec<usize>>,
    pool: VecDeque<Reported>,
}

const POOL_SIZE: usize = 400;
/// Kinds of filler paragraph ([`Builder::filler`]).
const N_FILLERS: usize = 23;
/// Chance that an article's lead event repeats an earlier article's (gives ~10% of events
/// reported twice).
const REREPORT: f64 = 0.17;

impl Generator {
    pub fn new(seed: u64) -> Generator {
        let mut rng = Rng::new(mix(seed, u64::MAX));
        let mut people = Vec::new();
        let mut by_country = Vec::new();
        for (c, country) in COUNTRIES.iter().enumerate() {
            let mut ids = Vec::new();
            let mut seen: Vec<String> = Vec::new();
            for (i, office) in country.offices.iter().enumerate() {
                let (full, short) = loop {
                    let n = make_name(&mut rng, country.names);
                    if !seen.contains(&n.1) {
                        break n;
                    }
                };
                seen.push(short.clone());
                ids.push(people.len());
                people.push(Person {
                    full,
                    short,
                    role: office.to_string(),
                    rank: rank_of(office, i),
                    country: Some(c),
                    org: None,
                });
            }
            by_country.push(ids);
        }
        let mut by_org = Vec::new();
        for (o, org) in ORGS.iter().enumerate() {
            let mut ids = Vec::new();
            for role in org.roles {
                let (full, short) = make_name(&mut rng, org.names);
                ids.push(people.len());
                people.push(Person {
                    full,
                    short,
                    role: role.to_string(),
                    rank: Rank::Other,
                    country: None,
                    org: Some(o),
                });
            }
            by_org.push(ids);
        }
        Generator {
            seed,
            index: 0,
            people,
            by_country,
            by_org,
            pool: VecDeque::new(),
        }
    }

    /// The next article.
    pub fn next_article(&mut self) -> Article {
        let index = self.index;
        self.index += 1;
        let mut rng = Rng::new(mix(self.seed, index as u64));
        let format = Format::of(index);
        // Lead event taken from an earlier article?
        let reuse = if !self.pool.is_empty() && rng.chance(REREPORT) {
            let i = rng.below(self.pool.len());
            self.pool.remove(i)
        } else {
            None
        };
        let mut b = Builder::new(self, rng, index, format, reuse.as_ref());
        let article = b.build();
        let doc_id = article.doc_id.clone();
        let published = article.published;
        let home = b.home;
        let fresh: Vec<Reported> = b
            .mentions
            .iter()
            .filter(|m| {
                m.first_reported_in.is_none() && m.event.kind != Kind::Conference && !m.event.vague
            })
            .map(|m| Reported {
                event: m.event.clone(),
                doc_id: doc_id.clone(),
                published,
                home,
                template: m.template,
            })
            .collect();
        for r in fresh {
            self.pool.push_back(r);
        }
        while self.pool.len() > POOL_SIZE {
            self.pool.pop_front();
        }
        article
    }
}

/// House styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum House {
    /// Headline, "Updated: 2019-02-22 07:51", "HANOI, Dec. 19 (Reuters) - ".
    Wire,
    /// Section label, headline, "Published: ...", photo caption, no dateline.
    Paper,
    /// Headline, "Published: ...", caption, "ISLAMABAD, March 27 (APP): ", READ ALSO lines.
    App,
    /// Headline, "Published: ...", "SEOUL, April 9 (Yonhap) -- ".
    Yonhap,
}

struct Builder<'g> {
    g: &'g Generator,
    rng: Rng,
    index: usize,
    format: Format,
    p: NaiveDate,
    home: usize,
    partner: usize,
    style: DateStyle,
    house: House,
    agency: String,
    curly: bool,
    mentioned: Vec<usize>,
    quotes: Vec<&'static str>,
    mentions: Vec<Mention>,
    reuse: Option<&'g Reported>,
    event_counter: usize,
}

fn pick_country(rng: &mut Rng, not: Option<usize>) -> usize {
    let weights: Vec<u32> = (0..COUNTRIES.len())
        .map(|i| if Some(i) == not { 0 } else { country_weight(i) })
        .collect();
    rng.weighted(&weights)
}

impl<'g> Builder<'g> {
    fn new(
        g: &'g Generator,
        mut rng: Rng,
        index: usize,
        format: Format,
        reuse: Option<&'g Reported>,
    ) -> Builder<'g> {
        let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
        let (p, home, partner) = match reuse {
            Some(r) => {
                let e = &r.event;
                // The other side's press, or a third outlet, a few days after (or, for a planned
                // event, around) the first report.
                let p = if e.future() {
                    let p = days(r.published, rng.between(-2, 2));
                    if p >= e.start {
                        days(e.start, -1)
                    } else {
                        p
                    }
                } else {
                    let p = days(e.start.max(r.published), rng.between(0, 2));
                    if p == r.published {
                        days(p, 1)
                    } else {
                        p
                    }
                };
                let sides = event_countries(g, e);
                let home = sides
                    .iter()
                    .copied()
                    .find(|&c| c != r.home)
                    .unwrap_or_else(|| pick_country(&mut rng, Some(r.home)));
                let partner = sides
                    .iter()
                    .copied()
                    .find(|&c| c != home)
                    .unwrap_or_else(|| pick_country(&mut rng, Some(home)));
                (p, home, partner)
            }
            None => {
                let p = days(start, rng.between(0, 4017));
                let home = pick_country(&mut rng, None);
                let partner = pick_country(&mut rng, Some(home));
                (p, home, partner)
            }
        };
        let style = *rng.pick(&[
            DateStyle::Ap,
            DateStyle::Ap,
            DateStyle::Long,
            DateStyle::British,
        ]);
        let house = match COUNTRIES[home].name {
            "Pakistan" if rng.chance(0.7) => House::App,
            "South Korea" if rng.chance(0.6) => House::Yonhap,
            _ => *rng.pick(&[House::Wire, House::Wire, House::Paper]),
        };
        let agency = match house {
            House::App => "APP".to_string(),
            House::Yonhap => "Yonhap".to_string(),
            _ => {
                if rng.chance(0.5) {
                    COUNTRIES[home].agency.to_string()
                } else {
                    rng.pick(&["Reuters", "AFP", "AP"]).to_string()
                }
            }
        };
        let style = if house == House::App && style == DateStyle::Ap {
            DateStyle::Long
        } else {
            style
        };
        let curly = rng.chance(0.1);
        Builder {
            g,
            rng,
            index,
            format,
            p,
            home,
            partner,
            style,
            house,
            agency,
            curly,
            mentioned: Vec::new(),
            quotes: Vec::new(),
            mentions: Vec::new(),
            reuse,
            event_counter: 0,
        }
    }

    // ---- people ----

    fn person(&self, id: usize) -> &'g Person {
        &self.g.people[id]
    }

    /// A country's official of the given rank (or the nearest one).
    fn official(&mut self, country: usize, rank: Rank) -> usize {
        let ids = &self.g.by_country[country];
        let matching: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&i| self.g.people[i].rank == rank)
            .collect();
        if !matching.is_empty() {
            return *self.rng.pick(&matching);
        }
        let leaders: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&i| self.g.people[i].rank == Rank::Leader)
            .collect();
        if !leaders.is_empty() && self.rng.chance(0.5) {
            return *self.rng.pick(&leaders);
        }
        *self.rng.pick(ids)
    }

    fn random_rank(&mut self) -> Rank {
        [
            Rank::Leader,
            Rank::Leader,
            Rank::Foreign,
            Rank::Foreign,
            Rank::Defence,
            Rank::Trade,
            Rank::Deputy,
        ][self.rng.below(7)]
    }

    /// A counterpart pair: an official of `a` and one of `b` of the same rank.
    fn pair(&mut self, a: usize, b: usize) -> (usize, usize) {
        let rank = self.random_rank();
        (self.official(a, rank), self.official(b, rank))
    }

    /// How a person is named here: full with title and nationality the first time, short after.
    fn who(&mut self, id: usize) -> String {
        let p = self.person(id);
        if self.mentioned.contains(&id) {
            return p.short.clone();
        }
        self.mentioned.push(id);
        match p.country {
            Some(c) => {
                let country = &COUNTRIES[c];
                let r = self.rng.below(10);
                if c == self.home && r < 6 {
                    format!("{} {}", p.role, p.full)
                } else if r < 8 || country.the {
                    format!("{} {} {}", country.demonym, p.role, p.full)
                } else {
                    format!("{}'s {} {}", country.name, p.role, p.full)
                }
            }
            None => format!("{} {}", p.role, p.full),
        }
    }

    fn short(&self, id: usize) -> String {
        self.person(id).short.clone()
    }

    fn country_np(&self, c: usize) -> String {
        let country = &COUNTRIES[c];
        if country.the {
            format!("the {}", country.name)
        } else {
            country.name.to_string()
        }
    }

    fn q(&self, s: &str) -> String {
        if self.curly {
            format!("\u{201c}{s}\u{201d}")
        } else {
            format!("\"{s}\"")
        }
    }

    fn apostrophes(&self, s: String) -> String {
        if self.curly {
            s.replace('\'', "\u{2019}")
        } else {
            s
        }
    }

    fn city_in(&mut self, c: usize) -> Place {
        let country = &COUNTRIES[c];
        let city = if self.rng.chance(0.7) {
            country.capital
        } else {
            *self.rng.pick(country.cities)
        };
        Place {
            city: city.to_string(),
            country: country.name.to_string(),
        }
    }

    fn venue(&mut self, c: usize) -> String {
        let country = &COUNTRIES[c];
        if self.rng.chance(0.8) {
            self.rng.pick(country.venues).to_string()
        } else {
            self.rng.pick(VENUE_GENERIC).to_string()
        }
    }

    fn source_clause(&mut self) -> String {
        let c = &COUNTRIES[self.home];
        match self.rng.below(9) {
            0 => format!(", the {} said", c.ministry),
            1 => format!(
                ", according to a statement from the {} government",
                c.demonym
            ),
            2 => ", state media reported".to_string(),
            3 => format!(", {} reported", c.agency),
            4 => format!(", the {} {} said in a statement", c.demonym, c.ministry),
            5 => ", officials said".to_string(),
            _ => String::new(),
        }
    }

    fn topics(&mut self) -> Vec<&'static str> {
        let n = self.rng.between(2, 4) as usize;
        self.rng.sample(TOPICS, n)
    }

    // ---- events ----

    fn new_id(&mut self) -> String {
        self.event_counter += 1;
        format!(
            "evt-{:08x}-{}",
            mix(self.g.seed, self.index as u64) as u32,
            self.event_counter - 1
        )
    }

    /// A day around `p`: past for occurred events, future for planned ones.
    fn lead_day(&mut self, status: Status) -> NaiveDate {
        match status {
            Status::Planned => {
                let k = [1, 1, 2, 3, 4, 5, 6, 8, 10, 14, 21, 30, 45][self.rng.below(13)];
                days(self.p, k)
            }
            Status::Cancelled => days(self.p, self.rng.between(-3, 12)),
            _ => {
                let k = [0, 0, 1, 1, 1, 1, 2, 2, 3, 4, 5, 6, 9, 12][self.rng.below(14)];
                days(self.p, -k)
            }
        }
    }

    fn meeting_event(&mut self, kind: Kind, status: Status, a: usize, b: usize) -> Event {
        let (x, y) = self.pair(a, b);
        let host = if self.rng.chance(0.5) { a } else { b };
        // The visitor first, the host-country official second ("A called on B", "B received A").
        let people = if host == b { vec![x, y] } else { vec![y, x] };
        let start = self.lead_day(status);
        let id = self.new_id();
        let mut e = Event {
            id,
            kind,
            status,
            people,
            parties: Vec::new(),
            agr: AgrKind::Agreement,
            subject: String::new(),
            place: None,
            host: Some(host),
            start,
            end: start,
            vague: false,
            conference: String::new(),
            visit_type: "",
        };
        // Organisations' officials sometimes stand in for the partner.
        if kind != Kind::Visit && self.rng.chance(0.06) {
            let o = self.rng.below(ORGS.len());
            e.people[0] = *self.rng.pick(&self.g.by_org[o]);
        }
        match kind {
            Kind::Visit => {
                // Visitor from the other side, host place in `host`.
                let visitor_country = if host == a { b } else { a };
                let rank = self.random_rank();
                e.people = vec![self.official(visitor_country, rank)];
                e.place = Some(self.city_in(host));
                e.visit_type = *self.rng.pick(&["state", "official", "official", "working"]);
                let n = self.rng.between(2, 5);
                if status == Status::Occurred {
                    // Arrived n-1 days before p at most, still there or just left.
                    e.start = days(self.p, -self.rng.between(0, n - 1 + 3));
                }
                e.end = days(e.start, n - 1);
            }
            Kind::Call => {}
            Kind::Conference => {
                let place = self.city_in(host);
                let ca = &COUNTRIES[a];
                let cb = &COUNTRIES[b];
                e.conference = match self.rng.below(5) {
                    0 => format!(
                        "the {} session of the {}-{} Intergovernmental Committee on Trade and Economic Cooperation",
                        ordinal(self.rng.between(2, 20)),
                        ca.name,
                        cb.name
                    ),
                    1 => format!("the {} {}-{} Strategic Dialogue", ordinal(self.rng.between(2, 15)), ca.name, cb.name),
                    2 => format!("the {} {}-{} Business Forum", ordinal(self.rng.between(2, 12)), ca.name, cb.name),
                    3 => format!("the {} {}-{} Cooperation Forum", ordinal(self.rng.between(2, 20)), cb.region, ca.name),
                    _ => format!("the {} {}-{} Joint Commission", ordinal(self.rng.between(2, 30)), ca.name, cb.name),
                };
                if self.rng.chance(0.5) {
                    e.start = days(e.start, -1);
                    if status == Status::Planned && e.start <= self.p {
                        e.start = days(self.p, 1);
                    }
                }
                e.place = Some(place);
            }
            _ => {
                e.place = Some(self.city_in(host));
            }
        }
        e
    }

    fn agreement_event(
        &mut self,
        status: Status,
        a: usize,
        b: usize,
        near: Option<&Event>,
    ) -> Event {
        let kind = [
            AgrKind::Mou,
            AgrKind::Mou,
            AgrKind::Mou,
            AgrKind::Agreement,
            AgrKind::Agreement,
            AgrKind::Agreement,
            AgrKind::Treaty,
            AgrKind::JointStatement,
            AgrKind::Partnership,
            AgrKind::Contract,
            AgrKind::Protocol,
            AgrKind::Declaration,
        ][self.rng.below(12)];
        let kind = match (kind, status) {
            (AgrKind::Partnership | AgrKind::JointStatement, Status::Discussed) => {
                AgrKind::Agreement
            }
            (k, _) => k,
        };
        let subject = match kind {
            AgrKind::Treaty => self.rng.pick(TREATY_SUBJECTS).to_string(),
            AgrKind::JointStatement => self.rng.pick(STATEMENT_SUBJECTS).to_string(),
            AgrKind::Partnership => "comprehensive strategic partnership".to_string(),
            AgrKind::Contract => self.rng.pick(CONTRACT_ITEMS).to_string(),
            _ => self.rng.pick(SUBJECTS).to_string(),
        };
        let start = match near {
            Some(e) => e.start,
            None => self.lead_day(if status == Status::Planned {
                Status::Planned
            } else {
                Status::Occurred
            }),
        };
        let place = match near {
            Some(e) => e.place.clone(),
            None => {
                let host = if self.rng.chance(0.5) { a } else { b };
                Some(self.city_in(host))
            }
        };
        let parties: Vec<(String, &'static str)> = if kind == AgrKind::Contract {
            let company = format!(
                "{} {}",
                COUNTRIES[b].demonym,
                self.rng.pick(COMPANY_SUFFIXES)
            );
            let ministry = format!("{} Defence Ministry", COUNTRIES[a].demonym);
            vec![(ministry, "organization"), (company, "organization")]
        } else {
            let mut v = vec![
                (COUNTRIES[a].name.to_string(), "country"),
                (COUNTRIES[b].name.to_string(), "country"),
            ];
            v.sort();
            v
        };
        let signatories =
            if status == Status::Signed && kind != AgrKind::Contract && self.rng.chance(0.35) {
                let (x, y) = self.pair(a, b);
                vec![x, y]
            } else {
                Vec::new()
            };
        let id = self.new_id();
        Event {
            id,
            kind: Kind::Agreement,
            status,
            people: signatories,
            parties,
            agr: kind,
            subject,
            place,
            host: None,
            start,
            end: start,
            vague: false,
            conference: String::new(),
            visit_type: "",
        }
    }

    /// The events of this article: a lead event and 0-3 related ones.
    fn plan_events(&mut self) -> Vec<(Event, Option<String>, Option<usize>)> {
        let n = [0, 1, 1, 1, 2, 2, 2, 3, 3, 4][self.rng.below(10)];
        let n = if self.reuse.is_some() { n.max(1) } else { n };
        let mut out: Vec<(Event, Option<String>, Option<usize>)> = Vec::new();
        if n == 0 {
            return out;
        }
        let (a, b) = (self.home, self.partner);
        let lead = if let Some(r) = self.reuse {
            out.push((r.event.clone(), Some(r.doc_id.clone()), Some(r.template)));
            r.event.clone()
        } else {
            let (kind, status) = match self.rng.weighted(&[20, 18, 16, 10, 6, 6, 4, 8, 12, 4, 4]) {
                0 => (Kind::Meeting, Status::Occurred),
                1 => (Kind::Talks, Status::Occurred),
                2 => (Kind::Visit, Status::Occurred),
                3 => (Kind::Call, Status::Occurred),
                4 => (Kind::Conference, Status::Occurred),
                5 => (Kind::Meeting, Status::Planned),
                6 => (Kind::Visit, Status::Planned),
                7 => (Kind::Meeting, Status::Cancelled),
                8 => (Kind::Agreement, Status::Signed),
                9 => (Kind::Agreement, Status::Planned),
                _ => (Kind::Conference, Status::Planned),
            };
            let e = if kind == Kind::Agreement {
                self.agreement_event(status, a, b, None)
            } else {
                self.meeting_event(kind, status, a, b)
            };
            out.push((e.clone(), None, None));
            e
        };
        for _ in 1..n {
            let e = match self.rng.below(8) {
                // A second meeting on the same trip.
                0 | 1
                    if lead.kind != Kind::Agreement
                        && lead.kind != Kind::Call
                        && lead.place.is_some()
                        && lead.status == Status::Occurred =>
                {
                    let mut e = self.meeting_event(Kind::Meeting, Status::Occurred, a, b);
                    if let Some(&visitor) = lead.people.first() {
                        let host_country = lead
                            .place
                            .as_ref()
                            .and_then(|pl| COUNTRIES.iter().position(|c| c.name == pl.country));
                        if let Some(hc) = host_country {
                            if self.g.people[visitor].country != Some(hc) {
                                let other = self.official(hc, Rank::Leader);
                                e.people = vec![visitor, other];
                            }
                        }
                        e.place = lead.place.clone();
                    }
                    e.start = lead.start.min(self.p);
                    e.end = e.start;
                    e
                }
                2 => self.agreement_event(
                    Status::Signed,
                    a,
                    b,
                    if lead.status == Status::Occurred {
                        Some(&lead)
                    } else {
                        None
                    },
                ),
                3 => self.agreement_event(
                    Status::Discussed,
                    a,
                    b,
                    if lead.status == Status::Occurred {
                        Some(&lead)
                    } else {
                        None
                    },
                ),
                4 => self.agreement_event(Status::Planned, a, b, None),
                5 => {
                    let kind = if self.rng.chance(0.5) {
                        Kind::Visit
                    } else {
                        Kind::Meeting
                    };
                    self.meeting_event(kind, Status::Planned, a, b)
                }
                6 => {
                    // Background: an earlier call or visit, weeks to years ago.
                    let kind = if self.rng.chance(0.5) {
                        Kind::Call
                    } else {
                        Kind::Visit
                    };
                    let mut e = self.meeting_event(kind, Status::Occurred, a, b);
                    let back = self.rng.between(8, 2000);
                    e.start = days(self.p, -back);
                    e.end = if kind == Kind::Visit {
                        days(e.start, self.rng.between(1, 3))
                    } else {
                        e.start
                    };
                    e.vague = true;
                    e
                }
                _ => {
                    // A third country's cancelled or planned meeting.
                    let c = pick_country(&mut self.rng, Some(a));
                    let status = if self.rng.chance(0.5) {
                        Status::Cancelled
                    } else {
                        Status::Planned
                    };
                    let kind = if self.rng.chance(0.5) {
                        Kind::Visit
                    } else {
                        Kind::Talks
                    };
                    self.meeting_event(kind, status, a, c)
                }
            };
            out.push((e, None, None));
        }
        out
    }

    fn date_of(&mut self, e: &Event) -> DateExpr {
        let (p, style) = (self.p, self.style);
        if e.start != e.end && !e.vague && (e.future() || e.end <= self.p) && self.rng.chance(0.6) {
            express_range(&mut self.rng, p, e.start, e.end, style)
        } else {
            express_day(&mut self.rng, p, e.start, e.future(), style, e.vague)
        }
    }

    /// The sentence for an event, with a template other than `avoid`.
    fn render(&mut self, e: &Event, avoid: Option<usize>) -> Mention {
        // Dates are left out now and then.
        let mut date = if self.rng.chance(0.08) && e.kind != Kind::Agreement {
            None
        } else {
            Some(self.date_of(e))
        };
        let n_templates = match (e.kind, e.status) {
            (Kind::Agreement, _)
            | (Kind::Meeting, Status::Planned)
            | (Kind::Talks, Status::Occurred) => 5,
            (Kind::Visit, _) | (Kind::Call, _) => 4,
            (Kind::Conference, _) | (Kind::Meeting, Status::Cancelled) => 3,
            (Kind::Talks, Status::Planned) | (Kind::Talks, Status::Cancelled) => 2,
            _ => 6,
        };
        let mut t = self.rng.below(n_templates);
        if Some(t) == avoid {
            t = (t + 1 + self.rng.below(n_templates - 1)) % n_templates;
        }
        let src = self.source_clause();
        let mut topics = Vec::new();
        let dp = date.as_ref().map(|d| d.phrase.clone()).unwrap_or_default();
        let dcap = capitalize(&dp);
        let dt = date.as_ref().map(|d| d.text.clone()).unwrap_or_default();
        let loc = e.place.as_ref().map(|p| p.city.clone()).unwrap_or_default();
        let host_country = e
            .place
            .as_ref()
            .and_then(|pl| COUNTRIES.iter().position(|c| c.name == pl.country))
            .unwrap_or(self.home);
        let sentence = match (e.kind, e.status) {
            (Kind::Agreement, status) => {
                self.render_agreement(e, status, t, &dp, &dcap, &loc, &src)
            }
            (Kind::Visit, Status::Occurred) => {
                let a = self.who(e.people[0]);
                let host = self.country_np(host_country);
                let n = (e.end - e.start).num_days() + 1;
                let nd = number_word(n);
                match t {
                    0 => {
                        // The arrival day, not the whole stay.
                        if date.is_some() && e.start != e.end {
                            let d = express_day(
                                &mut self.rng,
                                self.p,
                                e.start,
                                false,
                                self.style,
                                false,
                            );
                            date = Some(d);
                        }
                        let dp = date.as_ref().map(|d| d.phrase.clone()).unwrap_or_default();
                        format!("{a} arrived in {loc} {dp} to start a {nd}-day {} visit to {host}{src}.", e.visit_type)
                    }
                    1 => {
                        let art = if e.visit_type == "official" {
                            "an"
                        } else {
                            "a"
                        };
                        format!("{a} paid {art} {} visit to {host} {dp}{src}.", e.visit_type)
                    }
                    2 => format!(
                        "{a}, who visited {loc} {dp}, pledged to {}.",
                        self.rng.pick(GOALS)
                    ),
                    _ => {
                        if dp.is_empty() {
                            format!(
                                "{a} was in {loc} for talks on {}{src}.",
                                list(&self.topics_into(&mut topics))
                            )
                        } else {
                            format!(
                                "{dcap}, {a} began {} {} visit to {host} at the invitation of the {} government.",
                                a_an(e.visit_type),
                                e.visit_type,
                                COUNTRIES[host_country].demonym
                            )
                        }
                    }
                }
            }
            (Kind::Visit, Status::Planned) => {
                let a = self.who(e.people[0]);
                let host = self.country_np(host_country);
                let art = if e.visit_type == "official" {
                    "an"
                } else {
                    "a"
                };
                match t {
                    0 => format!(
                        "{a} will pay {art} {} visit to {host} {dp}{src}.",
                        e.visit_type
                    ),
                    1 => format!("{a} is due to visit {loc} {dp}{src}."),
                    2 => format!(
                        "{a} is expected to travel to {loc} {dp} for {art} {} visit.",
                        e.visit_type
                    ),
                    _ => format!(
                        "{a} is scheduled to pay {art} {} visit to {host} {dp}.",
                        e.visit_type
                    ),
                }
            }
            (Kind::Visit, _) => {
                let a = self.who(e.people[0]);
                let host = self.country_np(host_country);
                let for_dt = if dt.is_empty() {
                    String::new()
                } else {
                    format!(" for {dt}")
                };
                match t {
                    0 => format!("A planned visit to {loc} by {a}, which had been scheduled{for_dt}, has been postponed{src}."),
                    1 => format!("{a} has called off a visit to {host} that had been planned{for_dt}."),
                    2 => format!(
                        "{a} cancelled a trip to {loc}{for_dt}, citing {}.",
                        self.rng.pick(&["scheduling problems", "the situation at home", "bad weather", "a government reshuffle"])
                    ),
                    _ => format!("A visit to {host} by {a}{for_dt} has been postponed indefinitely{src}."),
                }
            }
            (Kind::Call, status) => {
                let (ia, ib) = (e.people[0], e.people[1]);
                let a = self.who(ia);
                let b = self.who(ib);
                if status == Status::Planned {
                    format!("{a} is expected to speak by phone with {b} {dp}{src}.")
                } else {
                    match t {
                        0 => format!("{a} spoke by phone with {b} {dp}{src}."),
                        1 => format!("{a} held a phone conversation with {b} {dp}."),
                        2 => {
                            let ts = self.topics_into(&mut topics);
                            format!(
                                "{a} and {b} held a video call {dp} to discuss {}.",
                                list(&ts)
                            )
                        }
                        _ => format!(
                            "In a telephone call with {b} {dp}, {a} said {} was ready to {}.",
                            self.country_np(self.person(ia).country.unwrap_or(self.home)),
                            self.rng.pick(GOALS)
                        ),
                    }
                }
            }
            (Kind::Conference, status) => {
                let a = self.who(e.people[0]);
                let b = self.who(e.people[1]);
                let conf = e.conference.clone();
                if status == Status::Planned {
                    match t {
                        0 if !dp.is_empty() => {
                            format!("{dcap}, {a} and {b} will co-chair {conf} in {loc}{src}.")
                        }
                        1 => format!("{a} and {b} are expected to co-chair {conf} in {loc} {dp}."),
                        _ => format!(
                            "{a} and {b} will co-chair {conf}, to be held in {loc} {dp}{src}."
                        ),
                    }
                } else {
                    match t {
                        0 => format!("{a} and {b} co-chaired {conf} in {loc} {dp}{src}."),
                        1 if !dp.is_empty() => {
                            format!("{dcap}, {a} and {b} co-chaired {conf}, held in {loc}.")
                        }
                        _ => format!(
                            "{conf_cap} was held in {loc} {dp}, co-chaired by {a} and {b}.",
                            conf_cap = capitalize(&conf)
                        ),
                    }
                }
            }
            (Kind::Talks, Status::Planned) => {
                let a = self.who(e.people[0]);
                let b = self.who(e.people[1]);
                match t {
                    0 => format!("{a} and {b} will hold talks in {loc} {dp}{src}."),
                    _ => format!("{a} is due to hold talks with {b} in {loc} {dp}."),
                }
            }
            (_, Status::Planned) => {
                let a = self.who(e.people[0]);
                let b = self.who(e.people[1]);
                match t {
                    0 => format!("{a} is due to meet {b} in {loc} {dp}{src}."),
                    1 => format!("{a} will meet {b} {dp} in {loc}."),
                    2 => format!("{a} is expected to call on {b} in {loc} {dp}."),
                    3 if !dt.is_empty() => format!(
                        "A meeting between {a} and {b} is scheduled for {dt} in {loc}{src}."
                    ),
                    _ => {
                        let ts = self.topics_into(&mut topics);
                        format!(
                            "{a} and {b} are set to meet in {loc} {dp} to discuss {}.",
                            list(&ts)
                        )
                    }
                }
            }
            (Kind::Talks, Status::Cancelled) => {
                let a = self.who(e.people[0]);
                let b = self.who(e.people[1]);
                let for_dt = if dt.is_empty() {
                    String::new()
                } else {
                    format!(" for {dt}")
                };
                match t {
                    0 => format!("{a} called off talks with {b} that had been scheduled{for_dt} in {loc}."),
                    _ => format!("Talks between {a} and {b}, planned{for_dt} in {loc}, were cancelled at short notice{src}."),
                }
            }
            (_, Status::Cancelled) => {
                let a = self.who(e.people[0]);
                let b = self.who(e.people[1]);
                let for_dt = if dt.is_empty() {
                    String::new()
                } else {
                    format!(" for {dt}")
                };
                match t {
                    0 => format!(
                        "A meeting between {a} and {b}, which had been expected to take place in {loc}{for_dt}, has been postponed{src}."
                    ),
                    1 => format!("A planned meeting between {a} and {b} in {loc}{for_dt} has been called off{src}."),
                    _ => format!("{a} has cancelled a meeting with {b} that had been due to take place in {loc}{for_dt}."),
                }
            }
            (kind, _) => {
                // Meetings and talks that took place.
                let (ia, ib) = (e.people[0], e.people[1]);
                let a = self.who(ia);
                let b = self.who(ib);
                let venue = self.venue(host_country);
                match (kind, t) {
                    (Kind::Talks, 0) => format!("{a} held talks with {b} in {loc} {dp}{src}."),
                    (Kind::Talks, 1) => {
                        let ts = self.topics_into(&mut topics);
                        format!("{a} and {b} held talks in {loc} {dp} on {}.", list(&ts))
                    }
                    (Kind::Talks, 2) if !dp.is_empty() => format!(
                        "{dcap}, {a} held delegation-level talks with {b} at {venue} in {loc}."
                    ),
                    (Kind::Talks, 3) => {
                        let ts = self.topics_into(&mut topics);
                        format!(
                            "{a} {dp} held talks with {b} in {loc} and discussed {}.",
                            list(&ts)
                        )
                    }
                    (Kind::Talks, _) => format!(
                        "{a} and {b} held a round of talks on {} in {loc} {dp}.",
                        self.rng.pick(TOPICS)
                    ),
                    (_, 0) => format!("{a} met {b} in {loc} {dp}{src}."),
                    (_, 1) => format!("{a} met with {b} at {venue} in {loc} {dp}."),
                    (_, 2) if !dp.is_empty() => {
                        format!("{dcap}, {b} received {a} at {venue} in {loc}.")
                    }
                    (_, 3) => format!("{a} called on {b} at {venue} in {loc} {dp}{src}."),
                    (_, 4) => {
                        let ts = self.topics_into(&mut topics);
                        format!(
                            "{b} hosted {a} at {venue} in {loc} {dp}, and the two discussed {}.",
                            list(&ts)
                        )
                    }
                    _ => format!(
                        "{a} and {b} met on the sidelines of a regional forum in {loc} {dp}{src}."
                    ),
                }
            }
        };
        let sentence = self.apostrophes(capitalize(&tidy(&sentence)));
        // A template without a date slot: the sentence gives none.
        if date
            .as_ref()
            .is_some_and(|d| !sentence.to_lowercase().contains(&d.text.to_lowercase()))
        {
            date = None;
        }
        Mention {
            event: e.clone(),
            sentence,
            date,
            topics,
            template: t,
            first_reported_in: None,
        }
    }

    fn topics_into(&mut self, topics: &mut Vec<&'static str>) -> Vec<&'static str> {
        let t = self.topics();
        topics.extend(t.iter().copied());
        t
    }

    fn parties_np(&self, e: &Event) -> (String, String) {
        let np = |name: &str| -> String {
            match COUNTRIES.iter().find(|c| c.name == name) {
                Some(c) if c.the => format!("the {name}"),
                _ => name.to_string(),
            }
        };
        let a = e.parties.first().map(|p| np(&p.0)).unwrap_or_default();
        let b = e.parties.get(1).map(|p| np(&p.0)).unwrap_or_default();
        (a, b)
    }

    #[allow(clippy::too_many_arguments)]
    fn render_agreement(
        &mut self,
        e: &Event,
        status: Status,
        t: usize,
        dp: &str,
        dcap: &str,
        loc: &str,
        src: &str,
    ) -> String {
        let s = &e.subject;
        let np = match e.agr {
            AgrKind::Mou => match self.rng.below(3) {
                0 => format!("a memorandum of understanding (MoU) on {s}"),
                1 => format!("a memorandum of understanding on {s}"),
                _ => format!("an MoU on {s}"),
            },
            AgrKind::Agreement => format!("an agreement on {s}"),
            AgrKind::Treaty => format!("a treaty on {s}"),
            AgrKind::JointStatement => format!("a joint statement on {s}"),
            AgrKind::Partnership => "a comprehensive strategic partnership".to_string(),
            AgrKind::Contract => format!(
                "a ${} million contract for {s}",
                self.rng.between(3, 90) * 10
            ),
            AgrKind::Protocol => format!("a protocol on {s}"),
            AgrKind::Declaration => format!("a joint declaration on {s}"),
        };
        let (pa, pb) = self.parties_np(e);
        let in_loc = if loc.is_empty() {
            String::new()
        } else {
            format!("in {loc}")
        };
        match status {
            Status::Signed => {
                if e.agr == AgrKind::Partnership {
                    return match t % 2 {
                        0 => format!("{pa} and {pb} upgraded their relations to a comprehensive strategic partnership {dp}{src}."),
                        _ => format!("The two countries agreed {dp} to elevate ties to a comprehensive strategic partnership, the highest level in their diplomatic hierarchy."),
                    };
                }
                if e.agr == AgrKind::JointStatement {
                    return match t % 3 {
                        0 => format!("{pa} and {pb} issued {np} {dp}{src}."),
                        1 if !dcap.is_empty() => format!("{dcap}, the two sides issued {np}, pledging to {}.", self.rng.pick(GOALS)),
                        _ => format!("{} was issued by {pa} and {pb} {in_loc} {dp}.", capitalize(&np)),
                    };
                }
                if e.agr == AgrKind::Contract {
                    return match t % 2 {
                        0 => format!("{pb} signed {np} with the {pa} {dp}{src}."),
                        _ => format!("The {pa} {dp} awarded {np} to {pb}, the company said."),
                    };
                }
                if e.people.len() == 2 {
                    let a = self.who(e.people[0]);
                    let b = self.who(e.people[1]);
                    return match t % 2 {
                        0 => format!("{a} and {b} signed {np} {in_loc} {dp}{src}."),
                        _ => format!("{} was signed {in_loc} {dp} by {a} and {b}.", capitalize(&np)),
                    };
                }
                match t {
                    0 => format!("{pa} and {pb} signed {np} {in_loc} {dp}{src}."),
                    1 => format!("{pa} and {pb} {dp} inked {np}, opening the way for closer cooperation."),
                    2 => format!("{} was signed between {pa} and {pb} {in_loc} {dp}.", capitalize(&np)),
                    3 if !dp.is_empty() => format!("{dcap}, {pa} and {pb} signed {np}{src}."),
                    _ => {
                        let also = if self.mentions.is_empty() { "" } else { "also " };
                        format!("The two sides {also}signed {np} {dp}{src}.")
                    }
                }
            }
            Status::Planned => match t {
                0 => format!("{} is to be signed {in_loc} {dp}{src}.", capitalize(&np)),
                1 => format!("{pa} and {pb} are expected to sign {np} {dp}."),
                2 => format!("The two countries will sign {np} {in_loc} {dp}{src}."),
                _ => format!("{pa} and {pb} plan to sign {np} {dp}, officials said."),
            },
            _ => match t {
                0 => format!("The two sides agreed to negotiate {np}{src}."),
                1 => format!("{pa} and {pb} agreed to accelerate work towards the signing of {np}."),
                2 => format!("{pa} and {pb} discussed {np} but did not set a date for its signing."),
                _ => format!("Officials from {pa} and {pb} have begun negotiations on {np}, the statement said."),
            },
        }
    }

    /// A sentence or two that follows an event's sentence without adding an event.
    fn elaboration(&mut self, m: &Mention) -> String {
        let e = &m.event;
        let first = e.people.first().copied();
        let s = match (e.kind, e.status) {
            (Kind::Agreement, Status::Signed) => match self.rng.below(3) {
                0 => format!(
                    "The {} is expected to {}.",
                    e.agr.as_str(),
                    self.rng.pick(&[
                        "boost two-way trade",
                        "take effect next year once ratified",
                        "open the way for new joint projects",
                        "cut red tape for businesses"
                    ])
                ),
                1 => "The document still has to be ratified by the two countries' legislatures."
                    .to_string(),
                _ => format!(
                    "Officials said the text would be published {}.",
                    self.rng.pick(&[
                        "in the coming days",
                        "after ratification",
                        "on the ministry's website"
                    ])
                ),
            },
            (Kind::Agreement, _) => {
                "Officials said the text was still being finalised.".to_string()
            }
            (_, Status::Cancelled) => self
                .rng
                .pick(&[
                    "No new date has been set.",
                    "The ministry gave no reason for the decision.",
                    "Diplomats said the decision reflected growing friction between the two sides.",
                ])
                .to_string(),
            (_, Status::Planned) => {
                let ts = self.topics();
                format!(
                    "The two sides are expected to discuss {}, the {} said.",
                    list(&ts),
                    COUNTRIES[self.home].ministry
                )
            }
            (Kind::Call, _) => format!(
                "During the {}-minute call, the two {} agreed to {}.",
                self.rng.between(20, 50),
                if self.rng.chance(0.5) {
                    "leaders"
                } else {
                    "sides"
                },
                self.rng.pick(GOALS)
            ),
            _ => {
                let ts = if m.topics.is_empty() {
                    self.topics()
                } else {
                    Vec::new()
                };
                let mut s = if ts.is_empty() {
                    "They also reviewed progress in implementing agreements reached during previous high-level contacts.".to_string()
                } else {
                    format!("The two sides discussed {}.", list(&ts))
                };
                if let Some(pid) = first {
                    if self.rng.chance(0.6) {
                        let said = format!("{}.", self.rng.pick(QUOTES));
                        let quote = self.q(&said);
                        let sh = self.short(pid);
                        s.push_str(&format!(" {quote} {sh} said."));
                    }
                }
                s
            }
        };
        self.apostrophes(s)
    }

    // ---- filler ----

    /// A paragraph that reports no meeting or agreement.
    fn filler(&mut self, kind: usize) -> String {
        let (a, b) = (self.home, self.partner);
        let ca = &COUNTRIES[a];
        let cb = &COUNTRIES[b];
        let a_np = self.country_np(a);
        let b_np = self.country_np(b);
        let s = match kind {
            0 => format!(
                "Two-way trade between {a_np} and {b_np} reached about ${}.{} billion last year, officials said. {} mainly sells {} to {b_np}, and buys {} in return. Both governments say the figure can be doubled by {}.",
                self.rng.between(1, 180),
                self.rng.below(10),
                capitalize(&a_np),
                list(&self.rng.sample(&["phones", "electronics", "garments", "machinery", "rice", "seafood", "textiles", "steel", "chemicals", "cars"], 3)),
                list(&self.rng.sample(&["wheat", "fertiliser", "uranium", "crude oil", "coal", "aircraft parts", "pharmaceuticals", "timber", "cotton"], 2)),
                self.p.year() + self.rng.between(3, 10) as i32
            ),
            1 => format!(
                "{} and {} established diplomatic relations in {} and describe their relationship as {}. {} is {}'s {} largest trading partner in {}, and {} investment in the country has grown steadily over the past decade, led by {}.",
                capitalize(&a_np),
                b_np,
                self.rng.between(1950, 1995),
                self.rng.pick(&["a comprehensive strategic partnership", "a strategic partnership", "an all-weather friendship", "a partnership for peace and development"]),
                capitalize(&b_np),
                ca.name,
                ordinal(self.rng.between(2, 8)),
                cb.region,
                cb.demonym,
                self.rng.pick(&["energy and infrastructure projects", "manufacturing", "banking and telecommunications", "mining"])
            ),
            2 => {
                let c = pick_country(&mut self.rng, Some(a));
                let cc = &COUNTRIES[c];
                let (name, _) = make_name(&mut self.rng, cc.names);
                let she = self.rng.chance(0.5);
                format!(
                    "{} foreign ministry spokesperson {name} told a regular news briefing in {} that {} {} {}.",
                    cc.demonym,
                    cc.capital,
                    if she { "she" } else { "he" },
                    self.rng.pick(&["had no information on the matter", "hoped all parties would act in the interest of regional peace", "did not comment on bilateral contacts between other countries"]),
                    self.rng.pick(&["and would follow developments closely", "and that cooperation between countries should not target any third party", "at this stage"])
                )
            }
            3 => {
                let (name, short) = make_name(&mut self.rng, ca.names);
                let she = self.rng.chance(0.4);
                let said = format!("{},", self.rng.pick(SECOND_QUOTES));
                let quote = self.q(&said);
                let field = *self.rng.pick(&[cb.region, "security", "foreign policy", "trade"]);
                let city = self.rng.pick(ca.cities).to_string();
                format!(
                    "{name}, {} {field} specialist at {} {city} {}, told {} that {}. {} {} said.",
                    a_an(field),
                    a_an(&city),
                    self.rng.pick(&["university", "think tank", "research institute"]),
                    self.rng.pick(SPEC_NEWSPAPERS),
                    self.rng.pick(ANALYSES),
                    quote,
                    if self.rng.chance(0.5) { short } else if she { "she".to_string() } else { "he".to_string() }
                )
            }
            4 => {
                let c = pick_country(&mut self.rng, None);
                let (ship_kind, ship) = ship(&mut self.rng, c);
                let port = self.rng.pick(COUNTRIES[b].cities).to_string();
                let arrive = days(self.p, -self.rng.between(0, 4));
                let n = self.rng.between(2, 5);
                format!(
                    "Separately, the {} {ship_kind} {ship} arrived in {port} on {} for a {}-day port call, the navy said. Its crew will take part in {} with local sailors before the ship leaves on {}.",
                    COUNTRIES[c].demonym,
                    weekday_name(arrive.weekday()),
                    number_word(n),
                    self.rng.pick(&["a communications drill", "a search and rescue exercise", "a football match", "a deck reception"]),
                    weekday_name(days(arrive, n).weekday())
                )
            }
            5 => {
                let start = days(self.p, self.rng.between(3, 40));
                let (p, style) = (self.p, self.style);
                let d = express_day(&mut self.rng, p, start, true, style, false);
                format!(
                    "The annual {} exercise involving {} and {} forces is due to begin {} and will run for {} days, the military said. {}",
                    self.rng.pick(EXERCISES),
                    ca.demonym,
                    cb.demonym,
                    d.phrase,
                    number_word(self.rng.between(5, 14)),
                    self.rng.pick(&["About 10,000 troops are expected to take part.", "Critics say the drills raise tension in the region.", "The drills will include live-fire training for the first time."])
                )
            }
            6 => format!(
                "{}'s economy grew {}.{}% in the {} quarter from a year earlier, the statistics office said, {} analysts' forecasts. Exports rose {}%, helped by strong demand for {}.",
                ca.name,
                self.rng.between(1, 8),
                self.rng.below(10),
                self.rng.pick(&["first", "second", "third", "fourth"]),
                self.rng.pick(&["beating", "in line with", "falling short of"]),
                self.rng.between(2, 25),
                self.rng.pick(&["electronics", "farm products", "energy", "minerals", "machinery"])
            ),
            7 => {
                let fresh: Vec<&str> = QUOTES.iter().copied().filter(|q| !self.quotes.contains(q)).collect();
                let pick = if fresh.is_empty() { *self.rng.pick(QUOTES) } else { *self.rng.pick(&fresh) };
                self.quotes.push(pick);
                let said = format!("{pick},");
                let quote = self.q(&said);
                let leaders: Vec<usize> = self.mentioned.clone();
                match leaders.first() {
                    Some(&pid) => {
                        let sh = self.short(pid);
                        format!("{quote} {sh} said, adding that {} would {}.", self.country_np(self.person(pid).country.unwrap_or(a)), self.rng.pick(GOALS))
                    }
                    None => format!("{quote} a senior {} official said on condition of anonymity.", ca.demonym),
                }
            }
            8 => format!(
                "The {} project, financed by {}, is expected to be completed by {}. It has been delayed by disputes over land acquisition and costs, which have risen by about {}% since construction began.",
                self.rng.pick(&["railway", "port", "hydropower", "highway", "pipeline"]),
                self.rng.pick(&["the Asian Development Bank", "Chinese state banks", "a consortium of Japanese lenders", "the World Bank", "the government budget"]),
                self.p.year() + self.rng.between(1, 6) as i32,
                self.rng.between(10, 60)
            ),
            9 => format!(
                "{} has become an arena of competition between the major powers, and governments in the region have been careful not to be seen taking sides. Analysts say {} has tried to balance its relations with {} while courting investment from {}.",
                cb.region,
                a_np,
                list(&self.rng.sample(&["Beijing", "Washington", "Moscow", "Tokyo", "Brussels"], 2)),
                list(&self.rng.sample(&["Japan", "South Korea", "the Gulf states", "Europe", "India"], 2))
            ),
            10 => format!(
                "Police said a small group of activists gathered outside {} to protest against {}, but there were no clashes. {}",
                self.rng.pick(ca.venues),
                self.rng.pick(&["the government's foreign policy", "rising prices", "a planned military base", "land seizures"]),
                self.rng.pick(&["The protest dispersed peacefully after about an hour.", "Organisers said they would hold another rally next month.", ""])
            ),
            12 => format!(
                "{} companies have invested about ${} billion in {a_np}, mostly in {}, according to {}'s investment agency. More than {} {} firms now operate in the country, {}.",
                cb.demonym,
                self.rng.between(1, 40),
                list(&self.rng.sample(&["manufacturing", "real estate", "renewable energy", "mining", "logistics", "banking", "electronics"], 2)),
                ca.name,
                self.rng.between(3, 40) * 10,
                cb.demonym,
                self.rng.pick(&["employing tens of thousands of local workers", "most of them small and medium-sized enterprises", "up from a handful a decade ago"])
            ),
            13 => format!(
                "About {} {} tourists visited {a_np} last year, up {}% from the year before, according to official figures. {}",
                thousands(self.rng.between(20, 900) * 1000),
                cb.demonym,
                self.rng.between(5, 60),
                self.rng.pick(&[
                    "Airlines plan to add direct flights between the two capitals next year.",
                    "The tourism ministry hopes to double the number within five years.",
                    "Officials say easier visa rules have driven much of the increase.",
                ])
            ),
            14 => format!(
                "Some {} {} students are enrolled at universities in {b_np}, and the {} government offers about {} scholarships a year. {}",
                thousands(self.rng.between(2, 60) * 100),
                ca.demonym,
                cb.demonym,
                self.rng.between(5, 40) * 10,
                self.rng.pick(&[
                    "Language centres teaching the two countries' languages have opened in several cities.",
                    "Education officials want to set up a joint university campus.",
                    "Many graduates go on to work for companies investing in the region.",
                ])
            ),
            15 => self
                .rng
                .pick(&[
                    "Tensions have been rising in the South China Sea, where several countries have overlapping claims and coast guard vessels have clashed repeatedly in recent months. Regional governments have called for an early conclusion of a code of conduct for the waterway.",
                    "North Korea's nuclear and missile programmes remain the main security concern in Northeast Asia, and the United Nations Security Council has been divided over how to respond to the latest launches.",
                    "Central Asian governments have been trying to diversify their trade routes away from Russia, investing in the Trans-Caspian International Transport Route and in rail links to South Asian ports.",
                    "Security along the border has improved, officials say, although militant attacks on infrastructure projects and foreign workers have not stopped entirely.",
                    "The war in Ukraine and tensions over tariffs have pushed many governments to look for new partners, and diplomats describe the past two years as unusually busy.",
                ])
                .to_string(),
            16 => {
                let (name, short) = make_name(&mut self.rng, ca.names);
                format!(
                    "Opposition lawmaker {name} criticised the government's approach, saying it had {}. {short} called for a parliamentary debate on {}.",
                    self.rng.pick(&["offered too much in return for too little", "ignored the concerns of local communities", "failed to publish the details of its commitments"]),
                    self.rng.pick(TOPICS)
                )
            }
            17 => format!(
                "{} imports about {}% of the energy it uses, and officials have made {} a priority. The government wants renewables to supply {}% of its electricity by {}.",
                capitalize(&a_np),
                self.rng.between(20, 90),
                self.rng.pick(&["securing long-term supply contracts", "diversifying suppliers", "building new power plants"]),
                self.rng.between(20, 60),
                self.p.year() + self.rng.between(5, 15) as i32
            ),
            18 => format!(
                "According to the {} {}, both sides reaffirmed their support for {} and agreed that {}.",
                ca.demonym,
                ca.ministry,
                self.rng.pick(&["a rules-based international order", "free trade and open markets", "the central role of ASEAN in regional affairs", "the principles of the UN Charter"]),
                self.rng.pick(&[
                    "disputes should be settled peacefully",
                    "there was room to expand cooperation in emerging fields",
                    "regular contacts between their ministries should continue",
                ])
            ),
            19 => format!(
                "About {} {} nationals live and work in {b_np}, many of them in {}. Their remittances are an important source of income for families at home, and labour mobility is a recurring topic in bilateral contacts.",
                thousands(self.rng.between(5, 300) * 1000),
                ca.demonym,
                list(&self.rng.sample(&["construction", "shipbuilding", "health care", "agriculture", "manufacturing", "hospitality"], 2))
            ),
            20 => format!(
                "{} plans to raise defence spending to {}.{}% of gross domestic product by {}, and has been buying {} from several suppliers. The defence ministry said the purchases were {}.",
                capitalize(&a_np),
                self.rng.between(1, 3),
                self.rng.below(10),
                self.p.year() + self.rng.between(2, 8) as i32,
                self.rng.pick(&["patrol boats, radars and drones", "fighter jets and air defence systems", "armoured vehicles and artillery"]),
                self.rng.pick(&["purely defensive", "part of a long-planned modernisation", "not aimed at any country"])
            ),
            21 => format!(
                "This year marks the {} anniversary of diplomatic relations between {a_np} and {b_np}. Exhibitions, concerts and a film festival are planned in both capitals, and a commemorative stamp will be issued.",
                ordinal(self.rng.between(2, 7) * 5)
            ),
            _ => format!(
                "{} The two countries {} and {}.",
                self.rng.pick(&[
                    "Relations between the two countries have improved markedly in recent years.",
                    "The two sides have stepped up contacts at every level since the pandemic.",
                    "Ties have had their ups and downs, notably over fishing rights and visas.",
                ]),
                self.rng.pick(&["have set up a joint working group on connectivity", "hold annual consultations between their foreign ministries", "run a student exchange programme"]),
                self.rng.pick(&["plan to open new consulates", "want to resume direct flights", "have eased visa rules for business travellers"])
            ),
        };
        self.apostrophes(tidy(&s))
    }

    // ---- headline and header ----

    fn headline(&mut self) -> String {
        let (a, b) = (self.home, self.partner);
        let an = COUNTRIES[a].name;
        let bn = COUNTRIES[b].name;
        let lead = self.mentions.first().map(|m| m.event.clone());
        let topic = *self.rng.pick(TOPICS);
        let h = match lead {
            None => match self.rng.below(4) {
                0 => format!(
                    "{} warship makes port call in {}",
                    COUNTRIES[b].demonym, COUNTRIES[a].capital
                ),
                1 => format!(
                    "{an} reports strong rise in exports to {}",
                    COUNTRIES[b].region
                ),
                2 => format!("Experts see {topic} as test of {an}-{bn} ties"),
                _ => format!("{an}, {bn} mark anniversary of diplomatic relations"),
            },
            Some(e) => {
                let p0 = e.people.first().map(|&i| self.person(i).clone());
                let short0 = p0
                    .as_ref()
                    .map(|p| p.short.clone())
                    .unwrap_or_else(|| an.to_string());
                let short1 = e
                    .people
                    .get(1)
                    .map(|&i| self.short(i))
                    .unwrap_or_else(|| bn.to_string());
                let loc = e
                    .place
                    .as_ref()
                    .map(|p| p.city.clone())
                    .unwrap_or_else(|| COUNTRIES[a].capital.to_string());
                match (e.kind, e.status) {
                    (Kind::Agreement, Status::Signed) => {
                        let what = match e.agr {
                            AgrKind::Mou => "MoU",
                            AgrKind::Contract => "contract",
                            AgrKind::Partnership => "strategic partnership",
                            AgrKind::JointStatement => "joint statement",
                            AgrKind::Treaty => "treaty",
                            _ => "deal",
                        };
                        let (pa, pb) = (e.parties[0].0.clone(), e.parties[1].0.clone());
                        format!(
                            "{pa}, {pb} sign {what} on {}",
                            e.subject.split(" and ").next().unwrap_or(&e.subject)
                        )
                    }
                    (Kind::Agreement, _) => format!(
                        "{an}, {bn} to sign pact on {}",
                        e.subject.split(" and ").next().unwrap_or(&e.subject)
                    ),
                    (_, Status::Cancelled) => {
                        format!("{short0}'s talks with {short1} in {loc} called off")
                    }
                    (Kind::Visit, Status::Planned) => {
                        format!("{short0} to visit {loc} for talks on {topic}")
                    }
                    (Kind::Visit, _) => format!(
                        "{} {} starts visit to {}",
                        p0.as_ref()
                            .and_then(|p| p.country)
                            .map(|c| COUNTRIES[c].demonym)
                            .unwrap_or(""),
                        p0.as_ref()
                            .map(|p| p.role.to_lowercase())
                            .unwrap_or_default(),
                        e.place
                            .as_ref()
                            .map(|p| p.country.clone())
                            .unwrap_or_default()
                    ),
                    (Kind::Call, _) => format!("{short0}, {short1} discuss {topic} in phone call"),
                    (Kind::Conference, _) => {
                        format!("{an}, {bn} officials gather in {loc} for annual forum")
                    }
                    (_, Status::Planned) => format!("{short0}, {short1} to meet in {loc}"),
                    _ => match self.rng.below(3) {
                        0 => format!(
                            "{short0}, {short1} vow to boost {} in {loc} talks",
                            if topic.ends_with("cooperation") {
                                topic.to_string()
                            } else {
                                format!("{topic} cooperation")
                            }
                        ),
                        1 => format!("{an}, {bn} agree to deepen {topic} ties"),
                        _ => format!("{short0} meets {short1} in {loc}, pledges closer ties"),
                    },
                }
            }
        };
        self.apostrophes(capitalize(&tidy(&h)))
    }

    fn caption(&mut self) -> Option<String> {
        let m = self.mentions.first()?;
        if m.event.people.is_empty() || m.event.kind == Kind::Call {
            return None;
        }
        let names: Vec<String> = m
            .event
            .people
            .iter()
            .map(|&i| {
                let p = self.person(i);
                match p.country {
                    Some(c) => format!("{} {} {}", COUNTRIES[c].demonym, p.role, p.full),
                    None => format!("{} {}", p.role, p.full),
                }
            })
            .collect();
        let place = m
            .event
            .place
            .as_ref()
            .map(|p| format!(" in {}", p.city))
            .unwrap_or_default();
        let verb = if names.len() > 1 {
            "shake hands"
        } else {
            "is welcomed"
        };
        let credit = if self.house == House::App {
            "- Photo: PID".to_string()
        } else {
            format!(
                "Photo: {}",
                self.rng
                    .pick(&["VNA", "Xinhua", "Yonhap", "AFP", "Reuters", "VCG"])
            )
        };
        Some(self.apostrophes(format!("{} {verb}{place}. {credit}", names.join(" and "))))
    }

    // ---- assembly ----

    fn build(&mut self) -> Article {
        // Events.
        let planned = self.plan_events();
        for (e, first, template) in planned {
            let mut m = self.render(&e, template);
            m.first_reported_in = first;
            self.mentions.push(m);
        }
        let title = self.headline();
        let target = 270 + self.rng.below(276) + self.rng.below(276);
        let limit = MAX_WORDS - 40;

        // Body paragraphs: event paragraphs (lead first), with filler in between.
        let mut body: Vec<String> = Vec::new();
        let mut used: Vec<usize> = Vec::new();
        let mut background: Vec<String> = Vec::new();
        let n_mentions = self.mentions.len();
        for i in 0..n_mentions {
            let sentence = self.mentions[i].sentence.clone();
            let extra = if self.rng.chance(0.75) {
                let m = Mention {
                    event: self.mentions[i].event.clone(),
                    sentence: String::new(),
                    date: None,
                    topics: self.mentions[i].topics.clone(),
                    template: 0,
                    first_reported_in: None,
                };
                format!(" {}", self.elaboration(&m))
            } else {
                String::new()
            };
            let para = format!("{sentence}{extra}");
            if self.mentions[i].event.vague {
                background.push(para);
            } else {
                body.push(para);
            }
            if i == 0 && self.rng.chance(0.4) {
                let k = [0, 1, 7, 11][self.rng.below(4)];
                used.push(k);
                body.push(self.filler(k));
            }
        }
        if body.is_empty() {
            // No event: a distractor leads.
            let k = [4, 5, 6, 0][self.rng.below(4)];
            used.push(k);
            body.push(self.filler(k));
        }
        body.extend(background);

        // Header.
        let section = self.rng.pick(SECTIONS).to_string();
        let caption = if matches!(self.house, House::Paper | House::App) && self.rng.chance(0.6) {
            self.caption()
        } else {
            None
        };
        let dateline_city = match self.mentions.first().and_then(|m| m.event.place.clone()) {
            Some(pl) if pl.country == COUNTRIES[self.home].name => pl.city.to_uppercase(),
            _ => COUNTRIES[self.home].capital.to_uppercase(),
        };
        let dl_date = dateline_date(self.p, self.style);
        let dateline = match self.house {
            House::Wire => format!("{dateline_city}, {dl_date} ({}) - ", self.agency),
            House::App => format!("{dateline_city}, {dl_date} (APP): "),
            House::Yonhap => format!("{dateline_city}, {dl_date} (Yonhap) -- "),
            House::Paper => String::new(),
        };
        let mut header: Vec<String> = Vec::new();
        let section_first = self.house == House::Paper && self.rng.chance(0.5);
        if section_first {
            header.push(section.clone());
        }
        header.push(title.clone());
        let published = match self.house {
            House::Wire => updated_line(&mut self.rng, self.p),
            _ => published_line(&mut self.rng, self.p),
        };
        if self.house == House::Yonhap || (self.house == House::Paper && !section_first) {
            header.push(section.clone());
        }
        header.push(published.clone());
        if let Some(c) = &caption {
            header.push(c.clone());
        }

        // Fill up to the target length.
        let count = |header: &[String], body: &[String], dateline: &str| -> usize {
            header.iter().map(|s| words(s)).sum::<usize>()
                + body.iter().map(|s| words(s)).sum::<usize>()
                + words(dateline)
        };
        let no_header: Vec<String> = Vec::new();
        let counted_header = if self.format == Format::Record {
            &no_header
        } else {
            &header
        };
        let mut total = count(counted_header, &body, &dateline);
        // Each kind of filler once (quotes twice), in random order, until the target is met.
        let mut kinds: Vec<usize> = (0..N_FILLERS)
            .filter(|k| !used.contains(k))
            .chain([7])
            .collect();
        kinds = self.rng.sample(&kinds, kinds.len());
        let mut read_also = 0;
        for k in kinds {
            if total >= target {
                break;
            }
            let para = if self.house == House::App && read_also < 2 && self.rng.chance(0.3) {
                read_also += 1;
                format!("READ ALSO: {}", self.other_headline())
            } else {
                self.filler(k)
            };
            let w = words(&para);
            if total + w <= limit {
                // After the lead paragraph, anywhere.
                let at = 1 + self.rng.below(body.len());
                body.insert(at.min(body.len()), para);
                total += w;
            }
        }
        while total < target {
            let tiny = self
                .rng
                .pick(&[
                    "The ministry gave no further details.",
                    "No other details were given.",
                    "Officials declined to comment further.",
                ])
                .to_string();
            if total + words(&tiny) > limit {
                break;
            }
            total += words(&tiny);
            body.push(tiny);
        }

        // Plain text.
        let mut text = String::new();
        for h in &header {
            text.push_str(h);
            text.push('\n');
        }
        if self.house == House::Paper || caption.is_some() {
            text.push('\n');
        }
        for (i, para) in body.iter().enumerate() {
            if i == 0 {
                text.push_str(&dateline);
            }
            text.push_str(para);
            text.push_str("\n\n");
        }
        let text = text.trim_end().to_string() + "\n";
        let mut words = words(&text);

        // File path and content.
        let stem = format!(
            "{}-{}-{:06}",
            self.p.format("%Y%m%d"),
            slug(&title),
            self.index
        );
        let dir = format!("{}/{:02}", self.p.year(), self.p.month());
        let (doc_id, path, content) = match self.format {
            Format::Txt => {
                let id = format!("{dir}/{stem}.txt");
                (id.clone(), format!("articles/{id}"), text.clone())
            }
            Format::Md => {
                let id = format!("{dir}/{stem}.md");
                (
                    id.clone(),
                    format!("articles/{id}"),
                    self.markdown(
                        &title,
                        &section,
                        &published,
                        caption.as_deref(),
                        &dateline,
                        &body,
                    ),
                )
            }
            Format::Html => {
                let id = format!("{dir}/{stem}.html");
                (
                    id.clone(),
                    format!("articles/{id}"),
                    self.html(
                        &title,
                        &section,
                        &published,
                        caption.as_deref(),
                        &dateline,
                        &body,
                    ),
                )
            }
            Format::Record => {
                let id = format!("wire-{:08x}-{:06}", self.g.seed as u32, self.index);
                let url = format!(
                    "https://news.example.org/{}/{}",
                    self.p.format("%Y/%m/%d"),
                    slug(&title)
                );
                let mut record_text = String::new();
                for (i, para) in body.iter().enumerate() {
                    if i == 0 {
                        record_text.push_str(&dateline);
                    }
                    record_text.push_str(para);
                    record_text.push_str("\n\n");
                }
                words = record_text.split_whitespace().count();
                let line = json!({
                    "id": id,
                    "title": title,
                    "url": url,
                    "published": iso(self.p),
                    "text": record_text.trim_end(),
                });
                (
                    id,
                    "articles/feeds/wire.jsonl".to_string(),
                    line.to_string(),
                )
            }
        };

        // Expected records.
        let mut meetings = Vec::new();
        let mut agreements = Vec::new();
        for m in &self.mentions {
            let e = &m.event;
            let date = m
                .date
                .as_ref()
                .map(|d| json!({"text": d.text, "value": d.value}));
            // The place the sentence names: the city, else (visits) the host country.
            let location = match &e.place {
                _ if e.kind == Kind::Call => None,
                Some(p) if m.sentence.contains(&p.city) => {
                    Some(json!({"name": p.city, "country": p.country}))
                }
                Some(p) if m.sentence.contains(&p.country) => {
                    Some(json!({"name": p.country, "country": p.country}))
                }
                _ => None,
            };
            if e.kind == Kind::Agreement {
                agreements.push(json!({
                    "event_id": e.id,
                    "kind": e.agr.as_str(),
                    "status": e.status.as_str(),
                    "parties": e.parties.iter().map(|(n, t)| json!({"name": n, "type": t})).collect::<Vec<_>>(),
                    "signatories": e.people.iter().map(|&i| self.person(i).json()).collect::<Vec<_>>(),
                    "subject": e.subject,
                    "location": location,
                    "date": date,
                    "true_date": e.true_date(),
                    "sentence": m.sentence,
                    "first_reported_in": m.first_reported_in,
                }));
            } else {
                meetings.push(json!({
                    "event_id": e.id,
                    "kind": e.kind.as_str(),
                    "status": e.status.as_str(),
                    "participants": e.people.iter().map(|&i| self.person(i).json()).collect::<Vec<_>>(),
                    "location": location,
                    "date": date,
                    "true_date": e.true_date(),
                    "topics": m.topics,
                    "sentence": m.sentence,
                    "first_reported_in": m.first_reported_in,
                }));
            }
        }
        let expected = json!({
            "doc_id": doc_id,
            "path": path,
            "format": self.format.as_str(),
            "title": title,
            "published": iso(self.p),
            "words": words,
            "meetings": meetings,
            "agreements": agreements,
        });
        Article {
            index: self.index,
            format: self.format,
            doc_id,
            path,
            title,
            published: self.p,
            text,
            content,
            words,
            expected,
            events: self.mentions.len(),
            rereports: self
                .mentions
                .iter()
                .filter(|m| m.first_reported_in.is_some())
                .count(),
        }
    }

    fn other_headline(&mut self) -> String {
        let c = pick_country(&mut self.rng, None);
        let h = match self.rng.below(3) {
            0 => format!(
                "PM directs early completion of {} road link",
                self.rng.pick(COUNTRIES[self.home].cities)
            ),
            1 => format!(
                "{}, {} review progress on trade corridor",
                COUNTRIES[self.home].name, COUNTRIES[c].name
            ),
            _ => format!(
                "{} delegation calls for more investment in {}",
                COUNTRIES[c].demonym,
                self.rng.pick(TOPICS)
            ),
        };
        self.apostrophes(h)
    }

    fn markdown(
        &mut self,
        title: &str,
        section: &str,
        published: &str,
        caption: Option<&str>,
        dateline: &str,
        body: &[String],
    ) -> String {
        let mut s = format!("# {title}\n\n**{section}**\n\n{published}\n\n");
        if let Some(c) = caption {
            s.push_str(&format!("*{c}*\n\n"));
        }
        let split = if body.len() > 4 {
            body.len() - 2
        } else {
            body.len()
        };
        for (i, para) in body.iter().enumerate() {
            if i == split {
                s.push_str("## Background\n\n");
            }
            if i >= split {
                s.push_str("- ");
                s.push_str(para);
                s.push('\n');
            } else {
                if i == 0 {
                    s.push_str(dateline);
                }
                s.push_str(para);
                s.push_str("\n\n");
            }
        }
        s.trim_end().to_string() + "\n"
    }

    fn html(
        &mut self,
        title: &str,
        section: &str,
        published: &str,
        caption: Option<&str>,
        dateline: &str,
        body: &[String],
    ) -> String {
        let stamp = format!(
            "{}T{:02}:{:02}:00+0{}:00",
            iso(self.p),
            self.rng.between(0, 23),
            self.rng.between(0, 59),
            self.rng.between(5, 9)
        );
        let mut s = String::new();
        s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        s.push_str(&format!(
            "<title>{} | Asia Desk</title>\n",
            html_escape(title)
        ));
        s.push_str(&format!(
            "<meta property=\"og:title\" content=\"{}\">\n",
            html_escape(title)
        ));
        s.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{stamp}\">\n"
        ));
        s.push_str("<style>body{font-family:serif}nav li{display:inline}</style>\n");
        s.push_str("<script>window.dataLayer=window.dataLayer||[];function track(e){dataLayer.push(e)}</script>\n</head>\n<body>\n");
        s.push_str("<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li><li><a href=\"/politics\">Politics</a></li><li><a href=\"/business\">Business</a></li></ul></nav>\n");
        s.push_str("<main>\n<article>\n");
        s.push_str(&format!(
            "<div class=\"section\">{}</div>\n",
            html_escape(section)
        ));
        s.push_str(&format!("<h1>{}</h1>\n", html_escape(title)));
        s.push_str(&format!(
            "<p class=\"meta\"><time datetime=\"{stamp}\">{}</time></p>\n",
            html_escape(published)
        ));
        if let Some(c) = caption {
            s.push_str(&format!(
                "<figure><img src=\"/img/{}.jpg\" alt=\"\"><figcaption>{}</figcaption></figure>\n",
                self.index,
                html_escape(c)
            ));
        }
        for (i, para) in body.iter().enumerate() {
            let lead = if i == 0 { dateline } else { "" };
            s.push_str(&format!(
                "<p>{}{}</p>\n",
                html_escape(lead),
                html_escape(para)
            ));
        }
        s.push_str("</article>\n</main>\n<aside><h2>Most read</h2><ul><li><a href=\"/a/1\">Markets close higher</a></li><li><a href=\"/a/2\">Weather warning issued</a></li></ul></aside>\n");
        s.push_str(
            "<footer><p>&copy; Asia Desk. All rights reserved.</p><script>track({page:'article'})</script></footer>\n</body>\n</html>\n",
        );
        s
    }
}

/// The countries an event involves (participants' and parties'), in order.
fn event_countries(g: &Generator, e: &Event) -> Vec<usize> {
    let mut out = Vec::new();
    for &i in &e.people {
        if let Some(c) = g.people[i].country {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    for (name, _) in &e.parties {
        if let Some(c) = COUNTRIES
            .iter()
            .position(|c| name == c.name || name.starts_with(c.demonym))
        {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    if let Some(h) = e.host {
        if !out.contains(&h) {
            out.push(h);
        }
    }
    out
}

/// What a corpus run wrote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub articles: usize,
    pub files: usize,
    pub records: usize,
    pub words: usize,
    pub events: usize,
    pub rereports: usize,
    pub output: PathBuf,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let distinct = self.events - self.rereports;
        write!(
            f,
            "generated {} articles ({} files, {} JSON Lines records), {} words, {} events ({} distinct, {} re-reported) -> {}/articles, expected events in {}/expected.jsonl",
            self.articles,
            self.files,
            self.records,
            self.words,
            self.events,
            distinct,
            self.rereports,
            self.output.display(),
            self.output.display()
        )
    }
}

/// The first `count` articles for `seed`, in memory (tests, small corpora).
pub fn generate(count: usize, seed: u64) -> Vec<Article> {
    let mut g = Generator::new(seed);
    (0..count).map(|_| g.next_article()).collect()
}

/// Writes `count` articles for `seed` under `output/articles` and their events to
/// `output/expected.jsonl` (see the module docs). `output/articles` must not exist yet or be
/// empty, so that runs never mix.
pub fn write_corpus(output: &Path, count: usize, seed: u64) -> Result<Summary> {
    let articles_dir = output.join("articles");
    if articles_dir.is_dir()
        && fs::read_dir(&articles_dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false)
    {
        bail!(
            "{} already holds articles; choose an empty output folder",
            articles_dir.display()
        );
    }
    fs::create_dir_all(&articles_dir)
        .with_context(|| format!("cannot create {}", articles_dir.display()))?;
    let expected_path = output.join("expected.jsonl");
    let mut expected = BufWriter::new(
        File::create(&expected_path)
            .with_context(|| format!("cannot create {}", expected_path.display()))?,
    );
    let mut records: Option<BufWriter<File>> = None;
    let mut summary = Summary {
        output: output.to_path_buf(),
        ..Summary::default()
    };
    let mut g = Generator::new(seed);
    for _ in 0..count {
        let a = g.next_article();
        let path = output.join(&a.path);
        if a.format == Format::Record {
            if records.is_none() {
                fs::create_dir_all(path.parent().unwrap())?;
                records =
                    Some(BufWriter::new(File::create(&path).with_context(|| {
                        format!("cannot create {}", path.display())
                    })?));
            }
            let w = records.as_mut().unwrap();
            writeln!(w, "{}", a.content)?;
            summary.records += 1;
        } else {
            fs::create_dir_all(path.parent().unwrap())?;
            fs::write(&path, &a.content)
                .with_context(|| format!("cannot write {}", path.display()))?;
            summary.files += 1;
        }
        writeln!(expected, "{}", a.expected)?;
        summary.articles += 1;
        summary.words += a.words;
        summary.events += a.events;
        summary.rereports += a.rereports;
    }
    if let Some(mut w) = records {
        w.flush()?;
        summary.files += 1;
    }
    expected.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, HashSet};

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("attache-gen-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let rel = path
                        .strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/");
                    out.insert(rel, fs::read(&path).unwrap());
                }
            }
        }
        out
    }

    #[test]
    fn same_seed_same_files_other_seed_other_files() {
        let (a, b, c) = (temp("det-a"), temp("det-b"), temp("det-c"));
        write_corpus(&a, 150, 7).unwrap();
        write_corpus(&b, 150, 7).unwrap();
        write_corpus(&c, 150, 8).unwrap();
        let (ta, tb, tc) = (read_tree(&a), read_tree(&b), read_tree(&c));
        assert_eq!(ta, tb);
        assert_ne!(ta, tc);
        for d in [a, b, c] {
            fs::remove_dir_all(d).unwrap();
        }
    }

    #[test]
    fn counts_formats_and_files() {
        let dir = temp("count");
        let s = write_corpus(&dir, 230, 3).unwrap();
        assert_eq!(s.articles, 230);
        let tree = read_tree(&dir);
        let articles: Vec<&String> = tree.keys().filter(|k| k.starts_with("articles/")).collect();
        let jsonl: Vec<&&String> = articles.iter().filter(|k| k.ends_with(".jsonl")).collect();
        assert_eq!(jsonl.len(), 1, "one .jsonl file");
        let records = String::from_utf8(tree[*jsonl[0]].clone())
            .unwrap()
            .lines()
            .count();
        assert_eq!(records, 3); // indices 1, 101, 201
        assert_eq!(
            articles.len() - 1 + records,
            230,
            "every article is a file or a record"
        );
        let ext = |e: &str| articles.iter().filter(|k| k.ends_with(e)).count();
        assert_eq!(ext(".html"), 7);
        assert_eq!(ext(".md"), 12);
        assert_eq!(ext(".txt"), 230 - 7 - 12 - 3);
        // Nested year/month folders.
        assert!(articles
            .iter()
            .all(|k| k.split('/').count() == 4 || k.as_str() == "articles/feeds/wire.jsonl"));
        let expected = String::from_utf8(tree["expected.jsonl"].clone()).unwrap();
        assert_eq!(expected.lines().count(), 230);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn files_are_nonempty_utf8_and_jsonl_lines_parse() {
        let dir = temp("utf8");
        write_corpus(&dir, 120, 11).unwrap();
        let tree = read_tree(&dir);
        let mut ids = HashSet::new();
        for (path, bytes) in &tree {
            assert!(!bytes.is_empty(), "{path} is empty");
            let text = std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{path} is not UTF-8"));
            if path.ends_with(".jsonl") {
                for line in text.lines() {
                    let v: Value =
                        serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}: {e}"));
                    if path.starts_with("articles/") {
                        assert!(v["text"].as_str().is_some_and(|t| !t.is_empty()));
                        assert!(
                            ids.insert(v["id"].as_str().unwrap().to_string()),
                            "duplicate id"
                        );
                    } else {
                        assert!(
                            v["doc_id"].is_string()
                                && v["meetings"].is_array()
                                && v["agreements"].is_array()
                        );
                    }
                }
            }
        }
        // Doc ids in expected.jsonl are unique and name the files (or records) written.
        let expected = String::from_utf8(tree["expected.jsonl"].clone()).unwrap();
        let mut doc_ids = HashSet::new();
        for line in expected.lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            let id = v["doc_id"].as_str().unwrap().to_string();
            assert!(doc_ids.insert(id.clone()), "duplicate doc_id {id}");
            if v["format"] != "jsonl" {
                assert!(
                    tree.contains_key(&format!("articles/{id}")),
                    "{id} not written"
                );
            } else {
                assert!(ids.contains(&id));
            }
        }
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn word_counts_in_range() {
        for a in generate(400, 5) {
            assert!(
                (MIN_WORDS..=MAX_WORDS).contains(&a.words),
                "article {} has {} words:\n{}",
                a.index,
                a.words,
                a.text
            );
            if matches!(a.format, Format::Txt | Format::Md) {
                let w = words(&a.content);
                assert!(
                    (MIN_WORDS..=MAX_WORDS).contains(&w),
                    "file {} has {w} words",
                    a.path
                );
            }
        }
    }

    #[test]
    fn events_are_consistent_and_some_are_rereported() {
        let articles = generate(600, 9);
        let mut events = 0;
        let mut rereports = 0;
        let mut per_count = [0usize; 5];
        let mut first_seen: BTreeMap<String, String> = BTreeMap::new();
        for a in &articles {
            assert!(a.events <= 4);
            per_count[a.events] += 1;
            events += a.events;
            rereports += a.rereports;
            for m in a.expected["meetings"]
                .as_array()
                .unwrap()
                .iter()
                .chain(a.expected["agreements"].as_array().unwrap())
            {
                let sentence = m["sentence"].as_str().unwrap();
                assert!(
                    a.text.contains(sentence),
                    "sentence not in text: {sentence}"
                );
                if let Some(v) = m["date"]["value"].as_str() {
                    assert!(v.len() >= 4);
                    let t = m["date"]["text"].as_str().unwrap();
                    assert!(
                        sentence.to_lowercase().contains(&t.to_lowercase()),
                        "date text {t:?} not in {sentence:?}"
                    );
                }
                let id = m["event_id"].as_str().unwrap().to_string();
                match m["first_reported_in"].as_str() {
                    Some(first) => assert_eq!(first_seen.get(&id).map(String::as_str), Some(first)),
                    None => {
                        assert!(
                            first_seen.insert(id, a.doc_id.clone()).is_none(),
                            "event id reused without first_reported_in"
                        );
                    }
                }
            }
        }
        assert!(
            per_count.iter().all(|&n| n > 0),
            "0..=4 events per article: {per_count:?}"
        );
        let share = rereports as f64 / (events - rereports) as f64;
        assert!(
            (0.06..0.15).contains(&share),
            "re-reported share {share:.3}"
        );
    }

    #[test]
    fn dates_follow_the_resolution_conventions() {
        let p = NaiveDate::from_ymd_opt(2024, 12, 20).unwrap(); // a Friday
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let v = vague_candidates(p, d(2024, 12, 11), false);
        let find =
            |v: &[DateExpr], t: &str| v.iter().find(|e| e.text == t).and_then(|e| e.value.clone());
        assert_eq!(
            find(&v, "last week").as_deref(),
            Some("2024-12-09/2024-12-15")
        );
        assert_eq!(
            find(&v, "earlier this month").as_deref(),
            Some("2024-12-01/2024-12-20")
        );
        let v = vague_candidates(p, d(2024, 5, 25), false);
        assert_eq!(
            find(&v, "late May").as_deref(),
            Some("2024-05-21/2024-05-31")
        );
        assert_eq!(find(&v, "May").as_deref(), Some("2024-05"));
        let v = vague_candidates(p, d(2025, 1, 8), true);
        assert_eq!(find(&v, "next month").as_deref(), Some("2025-01"));
        let v = vague_candidates(p, d(2024, 12, 24), true);
        assert_eq!(
            find(&v, "next week").as_deref(),
            Some("2024-12-23/2024-12-29")
        );
        assert_eq!(
            find(&v, "later this month").as_deref(),
            Some("2024-12-20/2024-12-31")
        );
        let mut rng = Rng::new(1);
        for _ in 0..50 {
            let e = express_day(&mut rng, p, d(2024, 12, 19), false, DateStyle::Ap, false);
            assert_eq!(e.value.as_deref(), Some("2024-12-19"), "{e:?}");
            let e = express_range(
                &mut rng,
                p,
                d(2024, 4, 11),
                d(2024, 4, 12),
                DateStyle::British,
            );
            assert_eq!(e.value.as_deref(), Some("2024-04-11/2024-04-12"));
        }
    }

    #[test]
    fn rng_is_stable() {
        let mut r = Rng::new(0);
        // splitmix64 reference values for seed 0.
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }
}
