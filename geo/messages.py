"""The interface's own words in the atlas's four languages (place names live in the data). Pure: no streamlit.

A key missing in a language falls back to English, so a new label never shows a blank.
"""

from __future__ import annotations

from geo.model import LANGUAGES

MESSAGES: dict[str, dict[str, str]] = {
    "legend": {"en": "Legend", "az": "Şərti işarələr", "hy": "Պայմանական նշաններ", "ru": "Условные обозначения"},
    "control_on": {"en": "Who held it on", "az": "Nəzarət tarixi", "hy": "Վերահսկողությունը", "ru": "Контроль на"},
    "control.az": {"en": "Azerbaijan", "az": "Azərbaycan", "hy": "Ադրբեջան", "ru": "Азербайджан"},
    "control.arm": {
        "en": "Armenian forces / de facto Nagorno-Karabakh authorities",
        "az": "Erməni qüvvələri / Dağlıq Qarabağın de-fakto hakimiyyəti",
        "hy": "Հայկական ուժեր / Լեռնային Ղարաբաղի դե ֆակտո իշխանություններ",
        "ru": "Армянские силы / де-факто власти Нагорного Карабаха",
    },
    "control.partial": {
        "en": "Split between them",
        "az": "Tərəflər arasında bölünmüş",
        "hy": "Բաժանված կողմերի միջև",
        "ru": "Разделено между сторонами",
    },
    "control.none": {"en": "No control record", "az": "Nəzarət qeydi yoxdur", "hy": "Տվյալ չկա", "ru": "Нет данных"},
    "kind.region": {"en": "Region", "az": "Region", "hy": "Տարածաշրջան", "ru": "Регион"},
    "kind.zone": {
        "en": "Peacekeepers' zone",
        "az": "Sülhməramlıların zonası",
        "hy": "Խաղաղապահների գոտի",
        "ru": "Зона миротворцев",
    },
    "kind.district": {"en": "District", "az": "Rayon", "hy": "Շրջան", "ru": "Район"},
    "kind.city": {"en": "City", "az": "Şəhər", "hy": "Քաղաք", "ru": "Город"},
    "kind.corridor": {"en": "Corridor", "az": "Dəhliz", "hy": "Միջանցք", "ru": "Коридор"},
    "kind.route": {"en": "Route", "az": "Marşrut", "hy": "Երթուղի", "ru": "Маршрут"},
    "kind.border": {"en": "Border", "az": "Sərhəd", "hy": "Սահման", "ru": "Граница"},
    "kind.point": {
        "en": "Town, village or site",
        "az": "Şəhər, kənd və ya obyekt",
        "hy": "Քաղաք, գյուղ կամ վայր",
        "ru": "Город, село или объект",
    },
    "context.town": {
        "en": "Town (name only)",
        "az": "Yaşayış məntəqəsi (yalnız adı)",
        "hy": "Բնակավայր (միայն անունը)",
        "ru": "Населённый пункт (только название)",
    },
    "context.river": {"en": "River", "az": "Çay", "hy": "Գետ", "ru": "Река"},
    "context.lake": {
        "en": "Lake or reservoir",
        "az": "Göl və ya su anbarı",
        "hy": "Լիճ կամ ջրամբար",
        "ru": "Озеро или водохранилище",
    },
    "context.road": {
        "en": "Lachin road before 2022 (indicative)",
        "az": "2022-ci ilədək Laçın yolu (təxmini)",
        "hy": "Բերձորի (Լաչինի) ճանապարհը մինչև 2022 թ. (մոտավոր)",
        "ru": "Лачинская дорога до 2022 г. (ориентировочно)",
    },
    "precision.indicative": {
        "en": "Dashed: indicative (drawn from named waypoints)",
        "az": "Qırıq xətt: təxmini (adlı nöqtələrdən)",
        "hy": "Կետագիծ՝ մոտավոր (անվանված կետերով)",
        "ru": "Пунктир: ориентировочно (по названным точкам)",
    },
    "precision.surveyed": {
        "en": "Solid: surveyed or derived boundary",
        "az": "Bütöv xətt: ölçülmüş və ya törəmə sərhəd",
        "hy": "Հոծ գիծ՝ չափված կամ ածանցված սահման",
        "ru": "Сплошная: измеренная или производная граница",
    },
    "selected": {"en": "Selected place", "az": "Seçilmiş yer", "hy": "Ընտրված վայր", "ru": "Выбранное место"},
    "event": {
        "en": "Event with coordinates",
        "az": "Koordinatlı hadisə",
        "hy": "Կոորդինատներով իրադարձություն",
        "ru": "Событие с координатами",
    },
    "play": {"en": "Play", "az": "Oynat", "hy": "Նվագարկել", "ru": "Воспроизвести"},
    "save_png": {
        "en": "Save the map as PNG",
        "az": "Xəritəni PNG kimi saxla",
        "hy": "Պահպանել քարտեզը PNG ձևաչափով",
        "ru": "Сохранить карту в PNG",
    },
    "tiles_failed": {
        "en": "The online street map could not be loaded; the offline map is shown.",
        "az": "Onlayn küçə xəritəsi yüklənmədi; oflayn xəritə göstərilir.",
        "hy": "Առցանց փողոցային քարտեզը չբեռնվեց, ցուցադրվում է անցանց քարտեզը։",
        "ru": "Онлайн-карту улиц не удалось загрузить; показана офлайн-карта.",
    },
    "export.heading": {
        "en": "Export what you see",
        "az": "Gördüyünüzü ixrac edin",
        "hy": "Արտահանել տեսածը",
        "ru": "Экспорт того, что на экране",
    },
    "export.csv": {"en": "Events CSV", "az": "Hadisələr (CSV)", "hy": "Իրադարձություններ (CSV)", "ru": "События (CSV)"},
    "export.geojson": {
        "en": "Events GeoJSON",
        "az": "Hadisələr (GeoJSON)",
        "hy": "Իրադարձություններ (GeoJSON)",
        "ru": "События (GeoJSON)",
    },
    "export.html": {"en": "Map HTML", "az": "Xəritə (HTML)", "hy": "Քարտեզ (HTML)", "ru": "Карта (HTML)"},
    "export.all_places": {"en": "all places", "az": "bütün yerlər", "hy": "բոլոր վայրերը", "ru": "все места"},
    "export.agreements_shown": {
        "en": "agreements shown",
        "az": "göstərilən sazişlər",
        "hy": "ցուցադրված համաձայնագրեր",
        "ru": "показано соглашений",
    },
    "intro": {
        "en": "The places named in the Armenia–Azerbaijan agreements since the 2020 war, who held them on any day, and"
        " what happened there: pick a date, click a place, open an agreement.",
        "az": "2020-ci il müharibəsindən sonra Ermənistan–Azərbaycan sazişlərində adı çəkilən yerlər, istənilən gün"
        " onlara kimin nəzarət etdiyi və orada baş verənlər: tarix seçin, yerə klikləyin, sazişi açın.",
        "hy": "2020 թվականի պատերազմից հետո Հայաստան–Ադրբեջան համաձայնագրերում նշված վայրերը, ով էր դրանք"
        " վերահսկում ցանկացած օր և ինչ է տեղի ունեցել այնտեղ. ընտրեք ամսաթիվ, սեղմեք վայրի վրա, բացեք համաձայնագիր։",
        "ru": "Места, названные в соглашениях Армении и Азербайджана после войны 2020 года, кто контролировал их"
        " в любой день и что там происходило: выберите дату, нажмите на место, откройте соглашение.",
    },
    # The sidebar, the date control and the panel.
    "search": {
        "en": "Find a place (any spelling)",
        "az": "Yer axtar (istənilən yazılışla)",
        "hy": "Գտնել վայր (ցանկացած գրությամբ)",
        "ru": "Найти место (в любом написании)",
    },
    "language": {"en": "Place names in", "az": "Dil", "hy": "Լեզու", "ru": "Язык"},
    "agreements": {"en": "Agreements", "az": "Sazişlər", "hy": "Համաձայնագրեր", "ru": "Соглашения"},
    "all": {"en": "All", "az": "Hamısı", "hy": "Բոլորը", "ru": "Все"},
    "none": {"en": "None", "az": "Heç biri", "hy": "Ոչ մեկը", "ru": "Ни одного"},
    "events": {"en": "Events", "az": "Hadisələr", "hy": "Իրադարձություններ", "ru": "События"},
    "curated": {"en": "Curated", "az": "Yoxlanılmış", "hy": "Ստուգված", "ru": "Проверенные"},
    "community": {"en": "Community", "az": "İcma", "hy": "Համայնք", "ru": "Сообщество"},
    "dates": {"en": "Dates", "az": "Tarixlər", "hy": "Ամսաթվեր", "ru": "Даты"},
    "online_map": {
        "en": "Online street map (needs internet)",
        "az": "Onlayn küçə xəritəsi (internet lazımdır)",
        "hy": "Առցանց փողոցային քարտեզ (անհրաժեշտ է ինտերնետ)",
        "ru": "Онлайн-карта улиц (нужен интернет)",
    },
    "map_date": {
        "en": "Map on date: who held each place",
        "az": "Xəritənin tarixi: hər yerə kim nəzarət edirdi",
        "hy": "Քարտեզի ամսաթիվը՝ ով էր վերահսկում յուրաքանչյուր վայր",
        "ru": "Карта на дату: кто контролировал каждое место",
    },
    "exact_date": {"en": "Exact date", "az": "Dəqiq tarix", "hy": "Ճշգրիտ ամսաթիվ", "ru": "Точная дата"},
    "held": {"en": "Who held it", "az": "Kim nəzarət edirdi", "hy": "Ով էր վերահսկում", "ru": "Кто контролировал"},
    "on": {"en": "on", "az": "tarix:", "hy": "ամսաթիվ՝", "ru": "на"},
    "from": {"en": "from", "az": "başlanğıc:", "hy": "սկսած", "ru": "с"},
    "until": {"en": "until", "az": "son:", "hy": "մինչև", "ru": "до"},
    "promised": {
        "en": "What the agreements promised here, on",
        "az": "Sazişlərin burada vəd etdikləri, tarix:",
        "hy": "Ինչ էին խոստացել համաձայնագրերն այստեղ, ամսաթիվ՝",
        "ru": "Что здесь обещали соглашения, на",
    },
    "deadline": {
        "en": "Deadline set by the agreement",
        "az": "Sazişin müəyyən etdiyi son tarix",
        "hy": "Համաձայնագրով սահմանված վերջնաժամկետ",
        "ru": "Срок по соглашению",
    },
    "date": {"en": "Date", "az": "Tarix", "hy": "Ամսաթիվ", "ru": "Дата"},
    "places": {"en": "Places", "az": "Yerlər", "hy": "Վայրեր", "ru": "Места"},
    "source": {"en": "Source", "az": "Mənbə", "hy": "Աղբյուր", "ru": "Источник"},
    "events_here": {
        "en": "Events here",
        "az": "Buradakı hadisələr",
        "hy": "Իրադարձություններն այստեղ",
        "ru": "События здесь",
    },
    "events_shown": {
        "en": "Events of the agreements shown",
        "az": "Göstərilən sazişlərin hadisələri",
        "hy": "Ցուցադրված համաձայնագրերի իրադարձությունները",
        "ru": "События показанных соглашений",
    },
    "click_hint": {
        "en": "click a place on the map to narrow down.",
        "az": "daraltmaq üçün xəritədə yerə klikləyin.",
        "hy": "սեղմեք քարտեզի վրա գտնվող վայրի վրա՝ ընտրությունը նեղացնելու համար։",
        "ru": "нажмите на место на карте, чтобы сузить выбор.",
    },
    "clear": {"en": "Clear selection", "az": "Seçimi təmizlə", "hy": "Չեղարկել ընտրությունը", "ru": "Сбросить выбор"},
    "written_in_english": {
        "en": "Text in English",
        "az": "Mətn ingilis dilindədir",
        "hy": "Տեքստը անգլերեն է",
        "ru": "Текст на английском",
    },
    # The agreement page (the panel's and the sidebar's links open it).
    "agreement.open": {
        "en": "Agreement page: its points, places and events",
        "az": "Sazişin səhifəsi: bəndləri, yerləri və hadisələri",
        "hy": "Համաձայնագրի էջը՝ կետերը, վայրերը և իրադարձությունները",
        "ru": "Страница соглашения: пункты, места и события",
    },
    "agreement.page": {
        "en": "↳ its points, places and events",
        "az": "↳ bəndləri, yerləri və hadisələri",
        "hy": "↳ կետերը, վայրերը և իրադարձությունները",
        "ru": "↳ пункты, места и события",
    },
    "agreement.close": {
        "en": "Close the agreement page",
        "az": "Sazişin səhifəsini bağla",
        "hy": "Փակել համաձայնագրի էջը",
        "ru": "Закрыть страницу соглашения",
    },
    "agreement.parties": {"en": "Parties", "az": "Tərəflər", "hy": "Կողմեր", "ru": "Стороны"},
    "agreement.mediator": {"en": "Mediator", "az": "Vasitəçi", "hy": "Միջնորդ", "ru": "Посредник"},
    "agreement.text": {
        "en": "Published text",
        "az": "Dərc olunmuş mətn",
        "hy": "Հրապարակված տեքստը",
        "ru": "Опубликованный текст",
    },
    "agreement.points": {
        "en": "Its points, in the atlas's own words",
        "az": "Bəndləri, atlasın öz sözləri ilə",
        "hy": "Կետերը՝ ատլասի բառերով",
        "ru": "Пункты в пересказе атласа",
    },
    "agreement.places": {"en": "Places", "az": "Yerlər", "hy": "Վայրեր", "ru": "Места"},
    "agreement.events": {
        "en": "Events tied to it",
        "az": "Onunla bağlı hadisələr",
        "hy": "Դրա հետ կապված իրադարձություններ",
        "ru": "Связанные с ним события",
    },
    "agreement.no_events": {
        "en": "No event in the atlas is tied to it.",
        "az": "Atlasda onunla bağlı hadisə yoxdur.",
        "hy": "Ատլասում դրա հետ կապված իրադարձություն չկա։",
        "ru": "В атласе нет связанных с ним событий.",
    },
    "tie.named": {
        "en": "named in the text",
        "az": "mətndə adı çəkilir",
        "hy": "նշված է տեքստում",
        "ru": "названо в тексте",
    },
    "tie.inferred": {
        "en": "tie inferred by the atlas",
        "az": "əlaqə atlas tərəfindən çıxarılıb",
        "hy": "կապը ենթադրել է ատլասը",
        "ru": "связь установлена атласом",
    },
    "note": {"en": "Note", "az": "Qeyd", "hy": "Նշում", "ru": "Примечание"},
    "page.loading": {
        "en": "The place panel, the exports, the timeline and the tables follow once the map is drawn…",
        "az": "Yer paneli, ixrac, xronologiya və cədvəllər xəritə çəkildikdən sonra görünəcək…",
        "hy": "Վայրի վահանակը, արտահանումը, ժամանակագրությունը և աղյուսակները կհայտնվեն քարտեզը գծվելուց հետո…",
        "ru": "Панель места, экспорт, хронология и таблицы появятся, когда карта будет нарисована…",
    },
    "page.loading_sidebar": {
        "en": "Search, language and the agreements' layers follow once the map is drawn…",
        "az": "Axtarış, dil və sazişlərin qatları xəritə çəkildikdən sonra görünəcək…",
        "hy": "Որոնումը, լեզուն և համաձայնագրերի շերտերը կհայտնվեն քարտեզը գծվելուց հետո…",
        "ru": "Поиск, язык и слои соглашений появятся, когда карта будет нарисована…",
    },
    "share": {
        "en": "Share or cite this view",
        "az": "Bu görünüşü paylaşın və ya istinad edin",
        "hy": "Կիսվել այս տեսքով կամ հղում անել դրան",
        "ru": "Поделиться этим видом или сослаться на него",
    },
    "share.link": {
        "en": "Link to this view (the address bar holds it too)",
        "az": "Bu görünüşün keçidi (ünvan sətrində də var)",
        "hy": "Այս տեսքի հղումը (այն հասցեի տողում էլ կա)",
        "ru": "Ссылка на этот вид (она же в адресной строке)",
    },
    "share.cite": {
        "en": "Cite this view",
        "az": "Bu görünüşə istinad",
        "hy": "Հղում այս տեսքին",
        "ru": "Как сослаться",
    },
    "share.copy": {"en": "Copy", "az": "Kopyala", "hy": "Պատճենել", "ru": "Копировать"},
    "share.copied": {"en": "Copied", "az": "Kopyalandı", "hy": "Պատճենված է", "ru": "Скопировано"},
}


def message(key: str, lang: str) -> str:
    """The interface's text `key` in `lang`, English where it has no translation."""
    texts = MESSAGES[key]
    return texts.get(lang) or texts["en"]


def catalogue(prefix: str = "") -> dict[str, dict[str, str]]:
    """Every message whose key starts with `prefix`, in every language (English filled in where missing)."""
    return {key: {lang: message(key, lang) for lang in LANGUAGES} for key in MESSAGES if key.startswith(prefix)}
