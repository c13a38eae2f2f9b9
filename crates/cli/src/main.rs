//! `keukentafel`: the back office's command line for keukentafel records.
//!
//! Every rule comes from `keukentafel-core`; the commands only read files and print JSON lines.

mod args;
mod clock;
mod cmd;
mod input;
mod report;
mod serve;
mod store;

use std::process::ExitCode;

// The same allocator as the throughput benchmark measures (benches/throughput.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
keukentafel — controle van keukentafel-records (privacyprotocol sociaal domein)

Gebruik:
  keukentafel validate [--profile PROFIEL.json] [--today JJJJ-MM-DD] BESTAND...
      Controleert records (toestemming, intrekking, verzoek) tegen de regels van het
      protocol. Eén JSON-regel per bestand; '-' leest standaardinvoer.
      Afsluitcode 0: geen fouten; 1: een bestand heeft fouten; 2: onleesbare invoer.
  keukentafel verify [--keys INGESCHREVEN.jwks] [--profile P] [--today JJJJ-MM-DD] BESTAND...
      Controleert ondertekende exports (JWS JSON, afgevlakt of algemeen, ES256): handtekening,
      header (kid = vingerafdruk van jwk), met --keys alleen ingeschreven sleutels van
      professionals (JWK Set, elke sleutel met zijn naam), daarna de regels van het protocol.
      Eén JSON-regel per bestand, met errorCode bij een geweigerd bestand.
      Afsluitcode 0: alles geldig; 1: een bestand is ongeldig; 2: onleesbare invoer.
  keukentafel open --key GEMEENTE.jwk [--out MAP] BESTAND...
      Opent verzegelde records (JWE, ECDH-ES+A256KW/A256GCM) met de privésleutel van de
      gemeente tot de ondertekende JWS; zonder --out naar standaarduitvoer (één bestand).
  keukentafel requests [--today JJJJ-MM-DD] (BESTAND... | --db DATABASE)
      Lijst van open verzoeken van betrokkenen (art. 11) met hun termijn, als JSON-regels;
      leest records en ondertekende exports (die worden eerst geverifieerd), of de database
      van keukentafel serve.
  keukentafel serve (--keys INGESCHREVEN.jwks | --accept-unenrolled) [--key GEMEENTE.jwk]
                    [--dist MAP] [--db DATABASE] [--listen ADRES:POORT] [--profile P]
                    [--max-body BYTES] [--frame-ancestors HERKOMSTEN]
      Serveert de gebouwde app (standaard ./dist) met beveiligingsheaders en ontvangt
      ondertekende of verzegelde records op POST /v1/records in een SQLite-database
      (standaard ./keukentafel.sqlite); antwoordt met een ontvangstbewijs. Zie
      docs/DEPLOYMENT.md. --accept-unenrolled is alleen voor een demo.
  keukentafel inbox list [--db DATABASE] [--kind consent|withdrawal|request] [--dossier REF]
      De ontvangen records, als JSON-regels (zonder inhoud).
  keukentafel inbox export [--db DATABASE] [--as-received] HASH
      Het ondertekende record (JWS) precies zoals het is ondertekend; met --as-received de
      bytes zoals ze binnenkwamen (de JWE).
  keukentafel retention [--db DATABASE] [--today JJJJ-MM-DD]
      Vernietigingslijst (art. 6): ontvangen records waarvan de bewaartermijn is verstreken.
  keukentafel schema     Drukt het JSON Schema van een record af.
  keukentafel profile    Drukt het standaardprofiel (Landsmeer) af.
  keukentafel --help     Deze uitleg.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("validate") => cmd::validate::run(rest),
        Some("verify") => cmd::verify::run(rest),
        Some("open") => cmd::open::run(rest),
        Some("requests") => cmd::requests::run(rest),
        Some("serve") => serve::run(rest),
        Some("inbox") => cmd::inbox::run(rest),
        Some("retention") => cmd::retention::run(rest),
        Some("schema") => {
            print!("{}", keukentafel_core::schema::record_schema_pretty());
            Ok(0)
        }
        Some("profile") => {
            print!("{}", keukentafel_core::profile::LANDSMEER_JSON);
            Ok(0)
        }
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            Ok(0)
        }
        Some(other) => {
            eprintln!(
                "keukentafel: onbekende opdracht ‘{}’\n\n{USAGE}",
                keukentafel_core::text::quote(other)
            );
            Ok(2)
        }
        None => {
            eprint!("{USAGE}");
            Ok(2)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("keukentafel: {e}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
