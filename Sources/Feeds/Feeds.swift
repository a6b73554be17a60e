// The feeds stage: iCalendar, Atom, JSON Feed, sitemap and robots.txt from the assembled site.
