# Faktabladet för inresande utbytesstudenter: den publika sidan /incoming,
# länkarna dit och sidan i administrationen där det redigeras.
incoming-title = Inresande utbytesstudenter
incoming-link-home = Kom till oss som utbytesstudent
incoming-eyebrow = Faktablad
incoming-heading = Kom till { $institution } som utbytesstudent
incoming-heading-us = Kom till oss som utbytesstudent
incoming-lead = För studenter som nomineras av något av våra partneruniversitet: när du ska söka, vad du ska skicka och vem du kan fråga.
incoming-updated = Senast uppdaterad { $date }.
incoming-deadlines = Sista dagar
incoming-deadlines-caption = Vad som ska ha kommit in till oss, och när, för varje termin (varje år)
incoming-what = Vad
incoming-autumn = Hösttermin
incoming-spring = Vårtermin
incoming-nominations = Nominering från ditt hemuniversitet
incoming-applications = Din ansökan
incoming-day = { $day } { $month ->
    [1] januari
    [2] februari
    [3] mars
    [4] april
    [5] maj
    [6] juni
    [7] juli
    [8] augusti
    [9] september
    [10] oktober
    [11] november
   *[12] december
}
incoming-decision = Vi fattar beslut om din ansökan inom { $weeks ->
    [one] en vecka
   *[other] { $weeks } veckor
}.
incoming-tor = Vi skickar ditt studieintyg (Transcript of Records) inom { $weeks ->
    [one] en vecka
   *[other] { $weeks } veckor
} efter att ditt utbyte har avslutats.
incoming-requirements = Vad du ska skicka eller känna till
incoming-more = mer
incoming-more-about = om { $name }
incoming-access = Studenter med funktionsnedsättning
incoming-access-lead = Vi ger stöd till utbytesstudenter med funktionsnedsättning eller andra särskilda behov. Fråga innan du kommer:
incoming-kind-infrastructure = Tillgängliga lokaler
incoming-kind-service = Stödtjänst
incoming-housing = Bostad
incoming-housing-lead = Vi hjälper dig att hitta någonstans att bo.
incoming-visa = Visum och uppehållstillstånd
incoming-visa-lead = Vi hjälper dig att få det visum eller uppehållstillstånd du behöver.
incoming-insurance = Försäkring
incoming-insurance-lead = Vi berättar när du inte omfattas av en försäkring och hjälper dig att skaffa en.
incoming-apply = Så söker du
incoming-apply-lead = Ditt hemuniversitet nominerar dig; sedan söker du till oss. Frågor om ansökan:
incoming-agreements = Våra avtal om studentutbyte
incoming-email = E-post
incoming-phone = Telefon
incoming-website = Mer information
incoming-about-applying = ansökan
incoming-about-housing = bostad
incoming-about-visas = visum
incoming-about-insurance = försäkring
factsheet-admin-title = Faktablad för inresande studenter
factsheet-admin-eyebrow = Administration
factsheet-admin-lead = Det som utbytesstudenter som kommer till oss, och deras hemuniversitet, behöver veta: sista dagar, beslut, krav och vem man kan fråga.
factsheet-admin-public = Studenterna läser det på
factsheet-admin-ewp = Partnernas system läser det via Erasmus Without Paper för { $hei }.
factsheet-admin-no-schac = Ge hemorganisationen en SCHAC-kod för att även dela det via Erasmus Without Paper.
factsheet-admin-public-page = Publik sida
factsheet-admin-saved = Sparat.
factsheet-admin-not-saved = Inte sparat
factsheet-admin-conflict = Någon annan har sparat faktabladet sedan du öppnade det. Dina ändringar finns nedan; öppna den aktuella versionen i en annan flik, gör dina ändringar där och spara.
factsheet-admin-current = Öppna den aktuella versionen
factsheet-admin-save = Spara faktabladet
factsheet-admin-cancel = Avbryt
factsheet-section-deadlines = Sista dagar
factsheet-section-decisions = Beslut och studieintyg
factsheet-section-applying = Ansökan
factsheet-section-requirements = Krav och stöd
factsheet-section-housing = Bostad
factsheet-section-visas = Visum
factsheet-section-insurance = Försäkring
factsheet-section-other = Övrig information
