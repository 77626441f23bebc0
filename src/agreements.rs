//! The agreements stage (being written).

use crate::doc::Document;

/// Fills `doc.agreements`.
pub fn annotate(doc: &mut Document) {
    doc.agreements.clear();
}

#[cfg(test)]
mod dump {
    use std::path::PathBuf;
    use crate::doc::Document;

    pub fn load(dirs: &[&str]) -> Vec<Document> {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let inputs: Vec<PathBuf> = dirs.iter().map(|d| root.join(d)).collect();
        let sources = crate::ingest::discover(&inputs).unwrap();
        let mut docs: Vec<Document> = sources.iter().map(crate::ingest::read).collect();
        let model = crate::ner::NerModel::load(&crate::pipeline::default_model_dir()).unwrap();
        crate::pipeline::annotate_documents(&mut docs, &model).unwrap();
        docs
    }

    #[test]
    #[ignore]
    fn dump_docs() {
        for d in load(&["input", "../shared/seeds"]) {
            println!("===== {} {:?}", d.id, d.published);
            for f in &d.furniture { println!("  F {:?}", d.span_text(*f)); }
            for (i, s) in d.sentences.iter().enumerate() {
                let fur = d.is_furniture(*s);
                println!("  S{i}{} {:?}", if fur {"F"} else {""}, d.span_text(*s));
                for e in d.entities_in(*s) {
                    let v = d.dates.iter().find(|m| m.span == e.span).map(|m| format!(" = {:?}", m.value.as_ref().map(|v| v.iso())));
                    println!("      {}:{}{}", e.label, d.span_text(e.span), v.unwrap_or_default());
                }
            }
            for p in &d.people { println!("  P {} | {:?} | {:?} | {:?}", p.name, p.role, p.country, p.organization); }
        }
    }
}
