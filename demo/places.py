"""Cities, names and companies of the demo agency's world (German-centred, European reach)."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class City:
    name: str
    country: str  # ISO 3166-1 alpha-2
    language: str  # ISO 639-1 of the country's main language
    weight: float


CITIES: tuple[City, ...] = (
    City("Berlin", "DE", "de", 14),
    City("München", "DE", "de", 12),
    City("Hamburg", "DE", "de", 9),
    City("Frankfurt am Main", "DE", "de", 8),
    City("Köln", "DE", "de", 6),
    City("Stuttgart", "DE", "de", 6),
    City("Düsseldorf", "DE", "de", 5),
    City("Leipzig", "DE", "de", 3),
    City("Dresden", "DE", "de", 2.5),
    City("Nürnberg", "DE", "de", 2.5),
    City("Hannover", "DE", "de", 2.5),
    City("Karlsruhe", "DE", "de", 2),
    City("Bremen", "DE", "de", 1.5),
    City("Essen", "DE", "de", 1.5),
    City("Dortmund", "DE", "de", 1.5),
    City("Münster", "DE", "de", 1),
    City("Mannheim", "DE", "de", 1),
    City("Freiburg im Breisgau", "DE", "de", 1),
    City("Wien", "AT", "de", 3),
    City("Graz", "AT", "de", 0.7),
    City("Zürich", "CH", "de", 2),
    City("Basel", "CH", "de", 0.7),
    City("Amsterdam", "NL", "nl", 1.5),
    City("Rotterdam", "NL", "nl", 0.5),
    City("Warszawa", "PL", "pl", 1.5),
    City("Kraków", "PL", "pl", 1.2),
    City("Wrocław", "PL", "pl", 1),
    City("Praha", "CZ", "cs", 1),
    City("Brno", "CZ", "cs", 0.6),
    City("Budapest", "HU", "hu", 0.6),
    City("București", "RO", "ro", 0.8),
    City("Cluj-Napoca", "RO", "ro", 0.5),
    City("Lisboa", "PT", "pt", 0.8),
    City("Porto", "PT", "pt", 0.5),
    City("Barcelona", "ES", "es", 0.8),
    City("Madrid", "ES", "es", 0.6),
    City("Milano", "IT", "it", 0.5),
    City("Paris", "FR", "fr", 0.5),
    City("Lyon", "FR", "fr", 0.3),
    City("København", "DK", "da", 0.3),
    City("Stockholm", "SE", "sv", 0.3),
    City("Dublin", "IE", "en", 0.4),
    City("Tallinn", "EE", "et", 0.3),
    City("Vilnius", "LT", "lt", 0.3),
)
CITY_WEIGHTS = tuple(city.weight for city in CITIES)
GERMAN_CITIES = tuple(city for city in CITIES if city.country == "DE")

# First and last names by language of the person's home country; German names also stand for
# Austria and Switzerland. Germany's own mix includes names of its large diasporas.
FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "de": (
        "Anna", "Lena", "Laura", "Julia", "Sarah", "Katharina", "Sophie", "Marie", "Hannah",
        "Lisa", "Johanna", "Miriam", "Carolin", "Franziska", "Svenja", "Nina", "Jana", "Elif",
        "Ayşe", "Olga", "Natalia", "Jonas", "Lukas", "Felix", "Maximilian", "Paul", "Tobias",
        "Florian", "Sebastian", "Michael", "Thomas", "Stefan", "Andreas", "Christian", "Daniel",
        "Jan", "Tim", "Niklas", "Matthias", "Markus", "Moritz", "Benedikt", "Kai", "Mehmet",
        "Emre", "Can", "Dimitri", "Artur", "Ralf", "Uwe", "Jörg", "Björn", "Sören", "Henrik",
    ),
    "nl": ("Daan", "Sem", "Lucas", "Bram", "Emma", "Julia", "Sanne", "Fleur", "Thijs", "Ruben"),
    "pl": ("Piotr", "Tomasz", "Paweł", "Michał", "Katarzyna", "Agnieszka", "Marta", "Kamil"),
    "cs": ("Jakub", "Tomáš", "Petr", "Lukáš", "Tereza", "Veronika", "Eliška", "Ondřej"),
    "hu": ("Bence", "Dániel", "Gergely", "Zsófia", "Anna", "Réka", "Máté"),
    "ro": ("Andrei", "Mihai", "Alexandru", "Ioana", "Elena", "Cristina", "Radu", "Bogdan"),
    "pt": ("João", "Tiago", "Rui", "Inês", "Beatriz", "Mariana", "Pedro", "Duarte"),
    "es": ("Javier", "Pablo", "Carlos", "Lucía", "Carmen", "Marta", "Diego", "Álvaro"),
    "it": ("Luca", "Marco", "Giulia", "Francesca", "Matteo", "Alessandro", "Chiara"),
    "fr": ("Julien", "Nicolas", "Camille", "Élodie", "Mathieu", "Claire", "Antoine"),
    "da": ("Mads", "Rasmus", "Freja", "Ida", "Mikkel", "Sofie"),
    "sv": ("Erik", "Oskar", "Elin", "Maja", "Johan", "Linnea"),
    "en": ("Sean", "Ciara", "Aoife", "Conor", "Niamh", "Patrick"),
    "et": ("Mart", "Kristjan", "Liis", "Kadri", "Tõnis"),
    "lt": ("Mantas", "Lukas", "Eglė", "Rūta", "Tomas"),
}
LAST_NAMES: dict[str, tuple[str, ...]] = {
    "de": (
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
        "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
        "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Köhler", "Herrmann", "Walter",
        "König", "Maier", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller",
        "Yılmaz", "Kaya", "Demir", "Öztürk", "Nowak", "Kowalski", "Popović", "Ivanov", "Petrov",
        "Brandt", "Vogel", "Jung", "Otto", "Sommer", "Graf", "Berger", "Winkler", "Lorenz",
    ),
    "nl": ("de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit"),
    "pl": ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowska", "Zielińska"),
    "cs": ("Novák", "Svoboda", "Novotná", "Dvořák", "Černý", "Procházková"),
    "hu": ("Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga"),
    "ro": ("Popescu", "Ionescu", "Popa", "Dumitrescu", "Stan", "Munteanu"),
    "pt": ("Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa"),
    "es": ("García", "Fernández", "González", "Rodríguez", "López", "Martínez"),
    "it": ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano"),
    "fr": ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard"),
    "da": ("Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen"),
    "sv": ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson"),
    "en": ("Murphy", "Kelly", "O'Sullivan", "Walsh", "Byrne"),
    "et": ("Tamm", "Saar", "Sepp", "Mägi", "Kask"),
    "lt": ("Kazlauskas", "Petrauskas", "Jankauskas", "Butkus"),
}

# Reserved documentation domains (RFC 2606): the demo never invents a real person's address.
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")

_ASCII = str.maketrans(
    {
        "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "á": "a", "à": "a",
        "í": "i", "ó": "o", "ú": "u", "ñ": "n", "ç": "c", "ł": "l", "ś": "s", "ż": "z", "ź": "z",
        "ń": "n", "ć": "c", "ę": "e", "ą": "a", "č": "c", "ř": "r", "š": "s", "ž": "z", "ý": "y",
        "ě": "e", "ů": "u", "ő": "o", "ű": "u", "ş": "s", "ı": "i", "ğ": "g", "ă": "a", "â": "a",
        "ț": "t", "ș": "s", "ã": "a", "õ": "o", "å": "a", "ø": "o", "æ": "ae",
        "ė": "e", "ū": "u", "'": "", " ": "",
    }
)


def ascii_slug(text: str) -> str:
    return text.lower().translate(_ASCII)


def person_name(rng: random.Random, language: str) -> str:
    pool = language if language in FIRST_NAMES else "de"
    return f"{rng.choice(FIRST_NAMES[pool])} {rng.choice(LAST_NAMES[pool])}"


# Client companies: a word, an industry and a legal form, e.g. "Nordlicht Versicherung AG".
_COMPANY_WORDS = (
    "Nordlicht", "Rheinwerk", "Alpenblick", "Hanse", "Elbtal", "Spreewerk", "Isartal", "Mainfeld",
    "Weserland", "Bodensee", "Lindenhof", "Sternberg", "Falkenstein", "Eichwald", "Brückner",
    "Kranich", "Auenland", "Silberfluss", "Westwind", "Ostsee", "Bergmann", "Lichtenau",
)
INDUSTRIES: tuple[tuple[str, str, str], ...] = (
    # (German company noun, English industry, German industry) for the request prose
    ("Versicherung", "insurance", "Versicherung"),
    ("Bank", "banking", "Bankwesen"),
    ("Logistik", "logistics", "Logistik"),
    ("Automotive", "automotive", "Automobilindustrie"),
    ("Energie", "energy", "Energiewirtschaft"),
    ("Handel", "retail", "Einzelhandel"),
    ("Medizintechnik", "medical devices", "Medizintechnik"),
    ("Telekom", "telecommunications", "Telekommunikation"),
    ("Maschinenbau", "mechanical engineering", "Maschinenbau"),
    ("Verlag", "publishing", "Verlagswesen"),
    ("Software", "software", "Softwareentwicklung"),
    ("Stadtwerke", "public utilities", "öffentliche Versorgung"),
)
_LEGAL_FORMS = ("GmbH", "AG", "SE", "GmbH & Co. KG")


def company_name(rng: random.Random, industry: int) -> str:
    noun = INDUSTRIES[industry][0]
    return f"{rng.choice(_COMPANY_WORDS)} {noun} {rng.choice(_LEGAL_FORMS)}"
