import type { DemoArticle } from './types.js';

/**
 * Russian-language demo articles with English translations of five of them.
 * Original writing for the Dateline demo; quotes are attributed to generic roles only.
 * This file uses even daysAgo values only.
 */
const articles: DemoArticle[] = [
  // ---------------------------------------------------------------- day 0
  {
    key: 'ferry-baku-kuryk-ru',
    lang: 'ru',
    slug: 'paromy-baku-kuryk-grafik',
    headline: 'Паромы между Баку и Курыком вернулись к обычному графику после шторма',
    lead: 'Паромное сообщение через Каспий восстановлено после нескольких дней сильного ветра. Первыми к причалам подошли суда с железнодорожными вагонами, дольше других простоявшие на рейде.',
    author: 'nurlanova',
    role: 'Корреспондент в Актау',
    city: 'Актау',
    daysAgo: 0,
    time: '09:15',
    rubrics: ['transport'],
    storyOfTheDay: true,
    tags: ['Каспий', 'паромы', 'порт Курык'],
    body: [
      {
        type: 'p',
        text: 'Несколько дней штормовой ветер не позволял паромам выходить из портов на восточном и западном берегах Каспия. Суда ждали погоды у причалов и на рейде, а на подъездных путях к портам скапливались вагоны и грузовики. Сейчас движение возобновлено, и диспетчеры разбирают образовавшуюся очередь.',
      },
      {
        type: 'image',
        image: 'ferry',
        caption: 'Грузопассажирский паром у причала в порту Курык',
        credit: 'Иллюстрация: Dateline',
        alt: 'Большой белый паром с опущенной кормовой рампой стоит у бетонного причала, на берегу видны железнодорожные вагоны',
      },
      { type: 'h2', text: 'Очередь разбирают по порядку' },
      {
        type: 'p',
        text: 'Приоритет получили паромы, которые дольше всех ждали разгрузки. Вслед за ними в рейс уходят суда с грузовиками и пассажирами. По оценке диспетчеров, на полное восстановление графика уйдёт несколько суток.',
      },
      {
        type: 'quote',
        text: 'Для Каспия такие перерывы — обычное дело, к ним готовятся заранее. Главное сейчас — не создать новую пробку на железной дороге.',
        cite: 'сотрудник диспетчерской службы порта',
      },
      {
        type: 'p',
        text: 'Паромная линия между Курыком и районом Баку — одно из ключевых звеньев Транскаспийского маршрута. По ней идут грузы из Китая и Центральной Азии на Кавказ и дальше в Европу, поэтому любой перерыв сказывается на всей цепочке.',
      },
      {
        type: 'p',
        text: 'Пассажирам советуют заранее уточнять время отправления у перевозчика. Пока график перестраивается, отдельные рейсы могут сдвигаться на несколько часов.',
      },
    ],
  },
  {
    key: 'ferry-baku-kuryk-en',
    lang: 'en',
    translationOf: 'ferry-baku-kuryk-ru',
    slug: 'baku-kuryk-ferries-back-on-schedule',
    headline: 'Baku–Kuryk ferries return to normal schedule after storm',
    lead: 'Ferry traffic across the Caspian has resumed after several days of strong winds. Vessels carrying rail wagons, which had waited longest at anchor, were the first to berth.',
    author: 'nurlanova',
    role: 'Correspondent in Aktau',
    city: 'Aktau',
    daysAgo: 0,
    time: '09:40',
    rubrics: ['transport'],
    storyOfTheDay: true,
    tags: ['Caspian Sea', 'ferries', 'Kuryk port'],
    body: [
      {
        type: 'p',
        text: 'For several days, gale-force winds kept ferries in port on both the eastern and western shores of the Caspian. Vessels waited at their berths and at anchor, while rail wagons and trucks piled up on the approaches to the ports. Traffic has now resumed, and dispatchers are working through the backlog.',
      },
      {
        type: 'image',
        image: 'ferry',
        caption: 'A cargo and passenger ferry at the quay in Kuryk port',
        credit: 'Illustration: Dateline',
        alt: 'A large white ferry with its stern ramp lowered stands at a concrete quay, with rail wagons visible on shore',
      },
      { type: 'h2', text: 'Clearing the queue in order' },
      {
        type: 'p',
        text: 'Priority went to the ferries that had waited longest to unload. They are followed by vessels carrying trucks and passengers. Dispatchers expect it to take several days to restore the full schedule.',
      },
      {
        type: 'quote',
        text: 'Breaks like this are normal on the Caspian, and we prepare for them in advance. The main thing now is not to create a new jam on the railway.',
        cite: 'a port dispatch officer',
      },
      {
        type: 'p',
        text: 'The ferry line between Kuryk and the Baku area is one of the key links of the Trans-Caspian route. It carries cargo from China and Central Asia to the Caucasus and on to Europe, so any interruption affects the whole chain.',
      },
      {
        type: 'p',
        text: 'Passengers are advised to check departure times with the carrier in advance. While the schedule is being rebuilt, some sailings may shift by several hours.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 4 (00:30, day-boundary case)
  {
    key: 'aktau-night-shift-ru',
    lang: 'ru',
    slug: 'nochnaya-smena-port-aktau',
    headline: 'Ночная смена: как работает контейнерный терминал в Актау',
    lead: 'Когда город засыпает, в порту Актау продолжается погрузка. Мы провели ночь со сменой, которая готовит контейнеры к отправке через Каспий.',
    author: 'nurlanova',
    role: 'Специальный корреспондент',
    city: 'Актау',
    daysAgo: 4,
    time: '00:30',
    rubrics: ['economy', 'transport'],
    tags: [],
    body: [
      {
        type: 'p',
        text: 'Порт Актау работает круглосуточно, и ночью здесь ненамного тише, чем днём. Краны переставляют контейнеры с железнодорожных платформ на площадку, а оттуда — на борт судов. Смена начинается с короткой планёрки, на которой распределяют причалы и технику.',
      },
      { type: 'h2', text: 'Ночью всё решает план' },
      {
        type: 'p',
        text: 'Главная задача ночной смены — успеть подготовить груз к утреннему отходу судна. Для этого диспетчеры заранее сверяют документы и порядок погрузки, чтобы тяжёлые контейнеры оказались внизу, а срочные — ближе к выгрузке. Ошибку в плане потом приходится исправлять лишними перестановками.',
      },
      {
        type: 'quote',
        text: 'Ночью меньше отвлекающих факторов, но и права на ошибку меньше: к утру причал должен быть свободен.',
        cite: 'сменный диспетчер терминала',
      },
      {
        type: 'p',
        text: 'В последние годы через порт всё чаще идут грузы по Транскаспийскому маршруту. Поэтому здесь обновляют технику и переводят часть документооборота в электронный вид, чтобы сократить время стоянки вагонов.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 8
  {
    key: 'volga-caspian-channel-ru',
    lang: 'ru',
    slug: 'volgo-kaspiyskiy-kanal-dnouglublenie',
    headline: 'На Волго-Каспийском канале продолжаются дноуглубительные работы',
    lead: 'Работы должны поддержать глубины, необходимые для прохода грузовых судов к портам Астраханской области. Из-за снижения уровня Каспия они стали регулярной частью судоходного сезона.',
    author: 'aliyev',
    role: 'Транспортный корреспондент',
    city: 'Астрахань',
    daysAgo: 8,
    time: '11:40',
    rubrics: ['transport', 'environment'],
    tags: ['Волго-Каспийский канал', 'Астрахань', 'судоходство'],
    body: [
      {
        type: 'p',
        text: 'Волго-Каспийский морской судоходный канал соединяет устье Волги с открытым морем. По нему суда идут к астраханским портам и обратно, поэтому от его состояния зависит грузооборот всего северного Каспия. Речные наносы и снижение уровня моря постепенно уменьшают глубины, и их приходится восстанавливать.',
      },
      { type: 'h2', text: 'Земснаряды на фарватере' },
      {
        type: 'p',
        text: 'Дноуглубительные суда работают на отдельных участках канала, не перекрывая движение полностью. Капитанов заранее предупреждают о местах работ, а на узких участках расходиться встречным судам помогают диспетчеры.',
      },
      {
        type: 'quote',
        text: 'Чем меньше глубина, тем меньше груза может взять судно. Поэтому каждый сантиметр фарватера для перевозчика — это деньги.',
        cite: 'представитель судоходной компании',
      },
      {
        type: 'p',
        text: 'Экологи напоминают, что канал проходит в непосредственной близости от дельты Волги — одного из важнейших природных районов региона. Они настаивают на том, чтобы при планировании работ учитывались сроки нереста рыбы и места размещения извлечённого со дна грунта.',
      },
      {
        type: 'p',
        text: 'Судоходные компании рассчитывают, что стабильные глубины позволят загружать суда полнее. Это сократит число рейсов и сделает перевозки через северный Каспий более предсказуемыми.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 12
  {
    key: 'middle-corridor-shippers-ru',
    lang: 'ru',
    slug: 'sredniy-koridor-gruzootpravitelyam',
    headline: 'Средний коридор: что важно знать грузоотправителям',
    lead: 'Транскаспийский маршрут из Китая в Европу привлекает всё больше компаний. Разбираемся, из чего складывается путь груза и где он чаще всего задерживается.',
    author: 'sokolov',
    role: 'Редактор отдела экономики',
    city: 'Москва',
    daysAgo: 12,
    time: '10:05',
    rubrics: ['economy', 'transport'],
    storyOfTheDay: true,
    tags: ['Средний коридор', 'логистика'],
    body: [
      {
        type: 'p',
        text: 'Средним коридором, или Транскаспийским международным транспортным маршрутом, называют путь из Китая через Казахстан, Каспийское море, Азербайджан и Грузию к Турции и европейским рынкам. В отличие от сухопутных маршрутов через север Евразии или морских линий через Индийский океан, он сочетает железную дорогу и морскую переправу.',
      },
      { type: 'h2', text: 'Сколько перевалок в пути' },
      {
        type: 'p',
        text: 'Главная особенность маршрута — несколько смен вида транспорта. Груз идёт по железной дороге до каспийского порта, пересекает море на пароме или судне, снова встаёт на рельсы, а затем может ещё раз отправиться морем — через Чёрное. Каждая такая перевалка добавляет время и требует точной стыковки расписаний.',
      },
      {
        type: 'p',
        text: 'Участники рынка называют узкими местами пропускную способность портов, размер паромного флота и различия в тарифах и документах между странами. Страны маршрута работают над этим совместно: обсуждаются единые сквозные ставки и электронные накладные, которые не придётся переоформлять на каждой границе.',
      },
      {
        type: 'quote',
        text: 'Маршрут выигрывает, когда клиент получает одну ставку и один срок доставки. Пока это удаётся не всегда, но направление движения понятно.',
        cite: 'аналитик логистической компании',
      },
      {
        type: 'p',
        text: 'Эксперты советуют грузоотправителям закладывать запас по срокам и заранее согласовывать с экспедитором, кто отвечает за груз на каждом участке. Для сезонных товаров это особенно важно: погода на Каспии способна сдвинуть график на несколько дней.',
      },
    ],
  },
  {
    key: 'middle-corridor-shippers-en',
    lang: 'en',
    translationOf: 'middle-corridor-shippers-ru',
    slug: 'middle-corridor-what-shippers-should-know',
    headline: 'The Middle Corridor: what shippers should know',
    lead: 'The Trans-Caspian route from China to Europe is attracting more and more companies. We look at how cargo travels along it and where it is most often delayed.',
    author: 'sokolov',
    role: 'Economics editor',
    city: 'Moscow',
    daysAgo: 12,
    time: '10:25',
    rubrics: ['economy', 'transport'],
    tags: ['Middle Corridor', 'logistics'],
    body: [
      {
        type: 'p',
        text: 'The Middle Corridor, formally the Trans-Caspian International Transport Route, runs from China through Kazakhstan, across the Caspian Sea and through Azerbaijan and Georgia to Turkey and European markets. Unlike overland routes across northern Eurasia or shipping lines through the Indian Ocean, it combines rail with a sea crossing.',
      },
      { type: 'h2', text: 'How many transfers along the way' },
      {
        type: 'p',
        text: 'The route’s defining feature is the number of changes between modes of transport. Cargo travels by rail to a Caspian port, crosses the sea by ferry or cargo ship, goes back onto the rails and may then head to sea once more, across the Black Sea. Each transfer adds time and requires timetables to mesh precisely.',
      },
      {
        type: 'p',
        text: 'Market participants name port capacity, the size of the ferry fleet and differences in tariffs and paperwork between countries as the main bottlenecks. The countries along the route are working on these together, discussing through rates and electronic consignment notes that would not need to be reissued at every border.',
      },
      {
        type: 'quote',
        text: 'The route wins when the customer gets one rate and one delivery time. That does not always happen yet, but the direction of travel is clear.',
        cite: 'a logistics company analyst',
      },
      {
        type: 'p',
        text: 'Experts advise shippers to build in extra time and to agree in advance with their forwarder who is responsible for the cargo on each leg. This matters especially for seasonal goods: Caspian weather can push a schedule back by several days.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 16
  {
    key: 'astrakhan-trade-exhibition-ru',
    lang: 'ru',
    slug: 'vystavka-volzhskaya-torgovlya-astrakhan',
    headline: 'В Астрахани открылась выставка о торговле на Волге и Каспии',
    lead: 'Экспозиция рассказывает, как через город веками шли товары между Россией, Персией и Средней Азией. Среди экспонатов — старые карты, торговые весы и купеческие документы.',
    author: 'kim',
    role: 'Редактор отдела культуры',
    city: 'Астрахань',
    daysAgo: 16,
    time: '14:20',
    rubrics: ['culture', 'cities'],
    tags: ['Астрахань', 'музеи', 'выставки'],
    body: [
      {
        type: 'p',
        text: 'Астрахань с давних времён жила торговлей: город стоит там, где Волга подходит к Каспию, и через него проходили пути между Русью, Персией и Средней Азией. Новая выставка в одном из городских музеев прослеживает эту историю от Средневековья до появления пароходов и железной дороги.',
      },
      {
        type: 'image',
        image: 'museum',
        caption: 'Зал выставки, посвящённой волжской торговле',
        credit: 'Иллюстрация: Dateline',
        alt: 'Стеклянные витрины со старыми картами и торговыми весами в светлом музейном зале',
      },
      {
        type: 'p',
        text: 'Отдельный раздел посвящён гостиным и купеческим дворам, где торговцы из разных стран хранили товар и заключали сделки. Посетители могут проследить, как менялись упаковка, меры веса и способы расчётов.',
      },
      {
        type: 'quote',
        text: 'Мы хотели показать, что Астрахань всегда была городом-перекрёстком. Здесь встречались языки, кухни и привычки, и это чувствуется до сих пор.',
        cite: 'куратор выставки',
      },
      {
        type: 'p',
        text: 'Для школьников музей подготовил экскурсии с заданиями, а по выходным проходят лекции об истории торговых путей. Выставка продлится несколько месяцев.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 20
  {
    key: 'caspian-level-ports-ru',
    lang: 'ru',
    slug: 'kaspiy-meleet-porty-i-priroda',
    headline: 'Каспий мелеет: чем снижение уровня моря грозит портам и природе',
    lead: 'Уровень Каспийского моря снижается уже много лет подряд. Учёные и портовики сходятся во мнении, что готовиться к последствиям нужно заранее.',
    author: 'morozova',
    role: 'Международный обозреватель',
    city: 'Москва',
    daysAgo: 20,
    time: '08:45',
    rubrics: ['environment', 'economy'],
    storyOfTheDay: true,
    tags: ['Каспий', 'уровень моря', 'экология'],
    body: [
      {
        type: 'p',
        text: 'Каспий — крупнейший замкнутый водоём на планете, и его уровень никогда не был постоянным: за последнее столетие море то отступало, то снова поднималось. Однако нынешнее снижение, продолжающееся уже много лет, заметно по всему побережью. Сильнее всего оно ощущается на мелководном севере, где даже небольшое падение уровня обнажает широкие полосы дна.',
      },
      {
        type: 'image',
        image: 'caspian-map',
        caption: 'Каспийское море и его основные порты',
        credit: 'Иллюстрация: Dateline',
        alt: 'Схематическая карта Каспийского моря с отмеченными портами Астрахань, Махачкала, Баку, Актау и Туркменбаши',
      },
      { type: 'h2', text: 'Почему уходит вода' },
      {
        type: 'p',
        text: 'Исследователи называют несколько причин. Большую часть речной воды Каспий получает из Волги, а её сток меняется от года к году. Одновременно в более тёплом климате растёт испарение с поверхности моря.',
      },
      {
        type: 'p',
        text: 'Для портов это означает необходимость регулярно углублять подходные каналы и акватории. Суда на мелководье вынуждены брать меньше груза, а это повышает стоимость перевозок.',
      },
      {
        type: 'quote',
        text: 'Снижение уровня — не авария, которую можно устранить за один сезон, а долгий процесс. Порты и фарватеры нужно планировать с учётом этого.',
        cite: 'сотрудник океанологического института',
      },
      {
        type: 'p',
        text: 'Не меньше экологов беспокоит судьба прибрежных экосистем: мелководий, где нерестится рыба и гнездятся птицы, и льдов северного Каспия, на которых каспийский тюлень выводит детёнышей. Специалисты прикаспийских стран обсуждают совместный мониторинг и обмен данными.',
      },
    ],
  },
  {
    key: 'caspian-level-ports-en',
    lang: 'en',
    translationOf: 'caspian-level-ports-ru',
    slug: 'shrinking-caspian-ports-and-nature',
    headline: 'The shrinking Caspian: what a falling sea level means for ports and nature',
    lead: 'The level of the Caspian Sea has been falling for many years in a row. Scientists and port operators agree that preparations for the consequences need to start early.',
    author: 'morozova',
    role: 'International columnist',
    city: 'Moscow',
    daysAgo: 20,
    time: '09:05',
    rubrics: ['environment', 'economy'],
    storyOfTheDay: true,
    tags: ['Caspian Sea', 'sea level', 'environment'],
    body: [
      {
        type: 'p',
        text: 'The Caspian is the largest enclosed body of water on the planet, and its level has never been constant: over the past century the sea has both retreated and risen again. The current decline, however, which has lasted for many years, is visible along the entire coast. It is felt most in the shallow north, where even a small drop exposes wide strips of seabed.',
      },
      {
        type: 'image',
        image: 'caspian-map',
        caption: 'The Caspian Sea and its main ports',
        credit: 'Illustration: Dateline',
        alt: 'A schematic map of the Caspian Sea marking the ports of Astrakhan, Makhachkala, Baku, Aktau and Turkmenbashi',
      },
      { type: 'h2', text: 'Why the water is leaving' },
      {
        type: 'p',
        text: 'Researchers point to several causes. The Caspian receives most of its river water from the Volga, whose flow varies from year to year. At the same time, a warmer climate increases evaporation from the sea’s surface.',
      },
      {
        type: 'p',
        text: 'For ports, this means regularly deepening approach channels and harbour basins. Ships in shallow water have to carry less cargo, which pushes up the cost of transport.',
      },
      {
        type: 'quote',
        text: 'A falling sea level is not an accident that can be fixed in one season; it is a long process. Ports and fairways have to be planned with that in mind.',
        cite: 'a researcher at an oceanology institute',
      },
      {
        type: 'p',
        text: 'Ecologists are just as concerned about coastal ecosystems: the shallows where fish spawn and birds nest, and the ice of the northern Caspian, where the Caspian seal gives birth to its pups. Specialists from the Caspian states are discussing joint monitoring and data sharing.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 24
  {
    key: 'baku-caravanserais-ru',
    lang: 'ru',
    slug: 'karavan-sarai-icherisheher',
    headline: 'Караван-сараи Ичеришехер: как торговые дворы стали частью городской жизни',
    lead: 'В Старом городе Баку сохранились постройки, где когда-то останавливались купцы со своими караванами. Сегодня они снова открыты для гостей — но уже в новом качестве.',
    author: 'kim',
    role: 'Редактор отдела культуры',
    city: 'Баку',
    daysAgo: 24,
    time: '16:30',
    rubrics: ['culture', 'cities'],
    tags: ['Баку', 'караван-сараи', 'Ичеришехер'],
    body: [
      {
        type: 'p',
        text: 'Ичеришехер — исторический центр Баку за крепостными стенами — вместе с расположенными в нём Дворцом Ширваншахов и Девичьей башней включён в список Всемирного наследия ЮНЕСКО. Среди его узких улиц стоят средневековые караван-сараи — постоялые дворы, где торговцы отдыхали, хранили товар и вели дела.',
      },
      {
        type: 'image',
        image: 'caravanserai',
        caption: 'Внутренний двор караван-сарая в Старом городе Баку',
        credit: 'Иллюстрация: Dateline',
        alt: 'Каменный двор, окружённый арочными галереями, в центре — небольшой фонтан',
      },
      { type: 'h2', text: 'Дом для купца и его каравана' },
      {
        type: 'p',
        text: 'Караван-сарай обычно строили вокруг закрытого двора: в нижнем ярусе размещались склады и стойла для животных, а вдоль галерей — небольшие комнаты для путников. Толстые стены защищали от жары и чужих глаз, а единственные ворота на ночь запирались. Названия некоторых караван-сараев, например Мултани и Бухарского, напоминают о том, откуда приходили их постояльцы.',
      },
      {
        type: 'quote',
        text: 'Караван-сарай был одновременно гостиницей, складом и биржей. Здесь узнавали цены и новости раньше, чем где-либо ещё.',
        cite: 'местный историк',
      },
      {
        type: 'p',
        text: 'Сегодня в отреставрированных караван-сараях работают рестораны, чайные и выставочные залы. Гиды говорят, что туристов привлекает не только возможность увидеть старые стены, но и шанс посидеть во дворе так же, как это делали путешественники сотни лет назад.',
      },
    ],
  },
  {
    key: 'baku-caravanserais-en',
    lang: 'en',
    translationOf: 'baku-caravanserais-ru',
    slug: 'caravanserais-of-icherisheher',
    headline: 'The caravanserais of Icherisheher: how merchant inns became part of city life',
    lead: 'Baku’s Old City still has the buildings where merchants once stopped with their caravans. Today they are open to visitors again, in a new role.',
    author: 'kim',
    role: 'Culture editor',
    city: 'Baku',
    daysAgo: 24,
    time: '16:50',
    rubrics: ['culture', 'cities'],
    tags: [],
    body: [
      {
        type: 'p',
        text: 'Icherisheher, Baku’s historic centre within the fortress walls, is on the UNESCO World Heritage List together with the Palace of the Shirvanshahs and the Maiden Tower that stand inside it. Among its narrow streets are medieval caravanserais: inns where traders rested, stored their goods and did business.',
      },
      {
        type: 'image',
        image: 'caravanserai',
        caption: 'The courtyard of a caravanserai in Baku’s Old City',
        credit: 'Illustration: Dateline',
        alt: 'A stone courtyard surrounded by arched galleries, with a small fountain in the centre',
      },
      { type: 'h2', text: 'A home for the merchant and his caravan' },
      {
        type: 'p',
        text: 'A caravanserai was usually built around an enclosed courtyard, with storerooms and stables on the lower level and small rooms for travellers along the galleries. Thick walls kept out the heat and prying eyes, and the single gate was locked at night. The names of some caravanserais, such as the Multani and the Bukhara, recall where their guests came from.',
      },
      {
        type: 'quote',
        text: 'A caravanserai was a hotel, a warehouse and an exchange all at once. People heard about prices and news there before anywhere else.',
        cite: 'a local historian',
      },
      {
        type: 'p',
        text: 'Today the restored caravanserais house restaurants, tea rooms and exhibition spaces. Guides say visitors are drawn not only by the old walls but by the chance to sit in a courtyard just as travellers did hundreds of years ago.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 30
  {
    key: 'rasht-astara-railway-ru',
    lang: 'ru',
    slug: 'koridor-sever-yug-resht-astara',
    headline: 'Коридор Север — Юг: почему так важен участок Решт — Астара',
    lead: 'На западном маршруте международного транспортного коридора пока нет сплошной железной дороги. Недостающий отрезок на севере Ирана — одна из самых обсуждаемых тем в логистике региона.',
    author: 'morozova',
    role: 'Международный обозреватель',
    city: 'Москва',
    daysAgo: 30,
    time: '12:10',
    rubrics: ['transport', 'economy'],
    tags: ['МТК «Север — Юг»', 'железная дорога'],
    body: [
      {
        type: 'p',
        text: 'Международный транспортный коридор Север — Юг задуман как путь из России к портам Персидского залива и дальше в Индию. У него несколько веток: восточная идёт через Казахстан и Туркменистан, транскаспийская — морем через каспийские порты, а западная — вдоль западного берега Каспия через Азербайджан.',
      },
      {
        type: 'image',
        image: 'railway',
        caption: 'Железная дорога вдоль побережья Каспия',
        credit: 'Иллюстрация: Dateline',
        alt: 'Грузовой поезд идёт по однопутной железной дороге, справа видна полоса моря',
      },
      { type: 'h2', text: 'Разрыв в цепочке' },
      {
        type: 'p',
        text: 'На западном маршруте железная дорога доходит до иранского Решта с юга и до Астары с севера, а между ними рельсов пока нет. Поэтому на этом отрезке грузы перегружают на автомобили, что увеличивает сроки и стоимость доставки. Строительство линии Решт — Астара должно закрыть этот разрыв.',
      },
      {
        type: 'p',
        text: 'Проект обсуждается много лет, и его участники подчёркивают, что он важен не только для транзита, но и для экономики северных провинций Ирана. Влажный климат, многочисленные реки и рисовые поля прикаспийской равнины делают стройку непростой.',
      },
      {
        type: 'quote',
        text: 'Когда на маршруте нет ни одной лишней перевалки, он становится понятным для клиента. Решт — Астара — как раз та деталь, которой не хватает.',
        cite: 'эксперт в области железнодорожных перевозок',
      },
      {
        type: 'p',
        text: 'Пока линия не построена, часть грузов по коридору идёт через каспийские порты — Астрахань, Махачкалу и Энзели. Другие отправители выбирают восточную ветку, где железная дорога уже проходит без разрывов.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 36
  {
    key: 'makhachkala-port-ru',
    lang: 'ru',
    slug: 'makhachkala-nezamerzayushchiy-port',
    headline: 'Махачкала: порт, который не замерзает',
    lead: 'Единственный незамерзающий российский порт на Каспии остаётся важной точкой на карте морских перевозок. Рассказываем, чем живёт его гавань.',
    author: 'aliyev',
    role: 'Транспортный корреспондент',
    city: 'Махачкала',
    daysAgo: 36,
    time: '13:25',
    rubrics: ['transport', 'cities'],
    tags: [],
    body: [
      {
        type: 'p',
        text: 'Северная часть Каспия мелководна и зимой покрывается льдом, поэтому суда к астраханским портам в холодные месяцы проводят ледоколы. Махачкалинский порт расположен южнее, у более глубокой части моря, и работает круглый год.',
      },
      { type: 'h2', text: 'Нефть, зерно и генеральные грузы' },
      {
        type: 'p',
        text: 'Порт переваливает нефть и нефтепродукты, зерно и генеральные грузы. Он связан железной дорогой с остальной сетью страны, а через его причалы проходит часть перевозок по коридору Север — Юг.',
      },
      {
        type: 'quote',
        text: 'Наше преимущество — навигация без перерыва на зиму. Для клиентов это означает предсказуемый график.',
        cite: 'представитель порта',
      },
      {
        type: 'p',
        text: 'Город и порт тесно связаны: гавань находится рядом с центром Махачкалы, и жители привыкли видеть суда с набережной. В городе обсуждают, как совместить развитие порта с благоустройством прибрежной зоны.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 42
  {
    key: 'caspian-wind-ru',
    lang: 'ru',
    slug: 'veter-kak-resurs-kaspiyskoe-poberezhye',
    headline: 'Ветер как ресурс: на каспийском побережье растёт интерес к ветроэнергетике',
    lead: 'Сильные и почти постоянные ветры, которые мешают паромам, могут стать источником энергии. Проекты ветропарков обсуждают на разных берегах моря.',
    author: 'nurlanova',
    role: 'Корреспондент в Актау',
    city: 'Актау',
    daysAgo: 42,
    time: '10:50',
    rubrics: ['environment', 'economy'],
    storyOfTheDay: true,
    tags: ['ветроэнергетика', 'Мангистау'],
    body: [
      {
        type: 'p',
        text: 'Жители Актау хорошо знают, что такое каспийский ветер: он гонит песок по улицам, поднимает волну и порой заставляет паромы ждать у причалов. Энергетики смотрят на него иначе — как на ресурс, способный дополнить традиционную генерацию.',
      },
      {
        type: 'image',
        image: 'wind-farm',
        caption: 'Ветрогенераторы в степи недалеко от побережья',
        credit: 'Иллюстрация: Dateline',
        alt: 'Несколько белых ветряных турбин на фоне плоской степи и бледного неба',
      },
      { type: 'h2', text: 'Сначала — измерения' },
      {
        type: 'p',
        text: 'Прежде чем строить ветропарк, на будущей площадке долго измеряют скорость и направление ветра. От этих данных зависят выбор турбин и расчёт окупаемости. Самыми перспективными считаются открытые участки, где ветер дует большую часть года.',
      },
      {
        type: 'p',
        text: 'Интерес к ветроэнергетике проявляют и другие прикаспийские страны. В Азербайджане развивают проекты на Апшеронском полуострове, а в Казахстане ветровые станции строят в разных регионах страны.',
      },
      {
        type: 'quote',
        text: 'Ветер здесь есть почти всегда. Вопрос в том, как встроить эту энергию в сеть, чтобы она была нужна именно тогда, когда её вырабатывают.',
        cite: 'инженер-энергетик',
      },
      {
        type: 'p',
        text: 'Экологи поддерживают развитие возобновляемой энергетики, но просят учитывать пути миграции птиц вдоль побережья. По их мнению, правильный выбор площадки на этапе проектирования помогает избежать многих проблем в будущем.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 48
  {
    key: 'baku-market-ru',
    lang: 'ru',
    slug: 'utro-na-bakinskom-rynke',
    headline: 'Утро на бакинском рынке: гранаты, чай и разговоры о погоде',
    lead: 'Городские рынки Баку оживают рано утром. Мы прошли по рядам вместе с продавцами и покупателями.',
    author: 'kim',
    role: 'Редактор отдела культуры',
    city: 'Баку',
    daysAgo: 48,
    time: '07:30',
    rubrics: ['cities'],
    tags: ['Баку', 'рынки'],
    body: [
      {
        type: 'p',
        text: 'Первые покупатели появляются на рынке, когда продавцы ещё только раскладывают товар. В овощных рядах пахнет зеленью, в соседних — специями и свежим хлебом. Многие приходят сюда не только за продуктами, но и чтобы поговорить со знакомыми торговцами.',
      },
      {
        type: 'p',
        text: 'Гранаты, сухофрукты, орехи и чай — то, что чаще всего увозят с рынка гости города. Местные жители берут зелень, сыр и овощи из пригородных хозяйств Апшерона.',
      },
      {
        type: 'quote',
        text: 'Покупатели у меня постоянные, многих я знаю двадцать лет. Если товар плохой, второй раз не придут.',
        cite: 'продавец фруктов',
      },
      {
        type: 'p',
        text: 'Многие рынки города за последние годы обновились: появились крытые павильоны и удобные подъезды. При этом продавцы и покупатели ценят прежнюю атмосферу и торг, без которого покупка на базаре кажется неполной.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 56
  {
    key: 'moscow-lectures-ru',
    lang: 'ru',
    slug: 'moskva-lektsii-torgovye-puti-kaspiy',
    headline: 'В Москве начинается цикл лекций о торговых путях через Каспий',
    lead: 'Историки, экономисты и логисты расскажут, как менялись маршруты между Европой и Азией — от караванов до контейнерных поездов. Вход на встречи свободный по предварительной регистрации.',
    author: 'sokolov',
    role: 'Редактор отдела экономики',
    city: 'Москва',
    daysAgo: 56,
    time: '18:00',
    rubrics: ['cities', 'culture'],
    tags: [],
    body: [
      {
        type: 'p',
        text: 'Цикл пройдёт в одной из городских библиотек и рассчитан на несколько месяцев. Каждая встреча посвящена отдельному маршруту или эпохе: Великому шёлковому пути, волжской торговле, появлению железных дорог и современным транспортным коридорам.',
      },
      { type: 'h2', text: 'От Афанасия Никитина до контейнерных поездов' },
      {
        type: 'p',
        text: 'Первая лекция будет посвящена путешествию тверского купца Афанасия Никитина, который в XV веке прошёл по Волге и Каспию в Персию и Индию. Его записки «Хожение за три моря» и сегодня читают как путеводитель по торговому миру той эпохи.',
      },
      {
        type: 'p',
        text: 'Заключительные встречи посвящены сегодняшним маршрутам — коридору Север — Юг и Транскаспийскому маршруту. Организаторы обещают, что слушатели смогут задать вопросы практикам из транспортных компаний.',
      },
      {
        type: 'quote',
        text: 'Маршруты меняются, но логика остаётся прежней: товар идёт туда, где путь короче, дешевле и надёжнее.',
        cite: 'один из лекторов цикла, историк экономики',
      },
    ],
  },

  // ---------------------------------------------------------------- day 64
  {
    key: 'turkmenbashi-baku-ru',
    lang: 'ru',
    slug: 'pereprava-turkmenbashi-baku',
    headline: 'Переправа Туркменбаши — Баку: как устроен один из главных маршрутов через Каспий',
    lead: 'Паромы между восточным и западным берегами Каспия связывают Центральную Азию с Кавказом. Рассказываем, как устроена переправа и кто ею пользуется.',
    author: 'aliyev',
    role: 'Транспортный корреспондент',
    city: 'Туркменбаши',
    daysAgo: 64,
    time: '15:15',
    rubrics: ['transport'],
    tags: [],
    body: [
      {
        type: 'p',
        text: 'Морской порт Туркменбаши — главные морские ворота Туркменистана. Отсюда паромы и грузовые суда уходят к западному берегу моря, в Бакинский международный морской торговый порт в посёлке Алят.',
      },
      { type: 'h2', text: 'Вагоны, фуры и пассажиры' },
      {
        type: 'p',
        text: 'Паромы на этой линии перевозят железнодорожные вагоны, грузовики и пассажиров. Вагоны закатывают на палубу по рельсам, поэтому груз не нужно перекладывать из вагона на судно и обратно. Это заметно экономит время.',
      },
      {
        type: 'quote',
        text: 'Переправа — это мост без опор. Пока погода позволяет, он работает как часы.',
        cite: 'капитан парома',
      },
      {
        type: 'p',
        text: 'Расписание зависит от загрузки и погоды: паром нередко уходит в рейс, когда набрано достаточно груза. Поэтому перевозчики советуют пассажирам заранее уточнять дату отправления.',
      },
      {
        type: 'p',
        text: 'Переправа соединяет железные дороги Центральной Азии с сетью Южного Кавказа. Она входит в несколько транзитных маршрутов между Азией и Европой, включая Транскаспийский.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 72
  {
    key: 'volga-delta-birds-ru',
    lang: 'ru',
    slug: 'delta-volgi-uchet-ptits',
    headline: 'В дельте Волги начался учёт перелётных птиц',
    lead: 'Орнитологи и волонтёры проводят учёт на протоках и мелководьях дельты. Данные помогают понять, как меняется жизнь одного из крупнейших птичьих «перекрёстков» Евразии.',
    author: 'aliyev',
    role: 'Специальный корреспондент',
    city: 'Астрахань',
    daysAgo: 72,
    time: '08:20',
    rubrics: ['environment'],
    tags: ['дельта Волги', 'птицы', 'заповедник'],
    body: [
      {
        type: 'p',
        text: 'Дельта Волги — место, где великая река делится на сотни проток и выходит к Каспию. Через неё проходят пути миграции множества видов птиц, а в тростниках и на мелководьях гнездятся цапли, бакланы и пеликаны.',
      },
      {
        type: 'image',
        image: 'delta',
        caption: 'Протоки и заросли тростника в дельте Волги',
        credit: 'Иллюстрация: Dateline',
        alt: 'Узкая протока среди высокого тростника, низко над водой пролетает стая птиц',
      },
      { type: 'h2', text: 'Считают с лодки и с берега' },
      {
        type: 'p',
        text: 'Учётчики проходят заранее выбранные маршруты на лодках и пешком вдоль берега и отмечают всех встреченных птиц. Повторяя одни и те же маршруты из года в год, специалисты могут сравнивать данные и замечать перемены.',
      },
      {
        type: 'quote',
        text: 'Птицы — хороший индикатор состояния дельты. Если меняется вода, первыми на это реагируют именно они.',
        cite: 'орнитолог',
      },
      {
        type: 'p',
        text: 'Учёт ведётся в том числе на территории Астраханского заповедника — одного из старейших в России, созданного в 1919 году. Учёные отмечают, что на жизнь дельты влияют и колебания уровня Каспия, и режим стока Волги.',
      },
      {
        type: 'p',
        text: 'Волонтёров, которые хотят помочь в учёте, предварительно обучают определению видов. Им также объясняют правила поведения на охраняемой территории.',
      },
    ],
  },
  {
    key: 'volga-delta-birds-en',
    lang: 'en',
    translationOf: 'volga-delta-birds-ru',
    slug: 'volga-delta-bird-count',
    headline: 'Migratory bird count begins in the Volga delta',
    lead: 'Ornithologists and volunteers are counting birds along the channels and shallows of the delta. The data help show how life is changing at one of Eurasia’s great bird crossroads.',
    author: 'aliyev',
    role: 'Special correspondent',
    city: 'Astrakhan',
    daysAgo: 72,
    time: '08:35',
    rubrics: ['environment'],
    tags: [],
    body: [
      {
        type: 'p',
        text: 'The Volga delta is where the great river splits into hundreds of channels before reaching the Caspian. The migration routes of many bird species pass through it, and herons, cormorants and pelicans nest in its reed beds and shallows.',
      },
      {
        type: 'image',
        image: 'delta',
        caption: 'Channels and reed beds in the Volga delta',
        credit: 'Illustration: Dateline',
        alt: 'A narrow channel between tall reeds, with a flock of birds flying low over the water',
      },
      { type: 'h2', text: 'Counting from boats and from the shore' },
      {
        type: 'p',
        text: 'Counters follow pre-selected routes by boat and on foot along the banks, recording every bird they see. By repeating the same routes year after year, specialists can compare data and spot changes.',
      },
      {
        type: 'quote',
        text: 'Birds are a good indicator of the state of the delta. When the water changes, they are the first to react.',
        cite: 'an ornithologist',
      },
      {
        type: 'p',
        text: 'Part of the count takes place in the Astrakhan Nature Reserve, one of the oldest in Russia, established in 1919. Scientists note that life in the delta is shaped both by fluctuations in the level of the Caspian and by the flow of the Volga.',
      },
      {
        type: 'p',
        text: 'Volunteers who want to help with the count are first trained to identify species. They are also briefed on the rules for visiting a protected area.',
      },
    ],
  },

  // ---------------------------------------------------------------- day 84
  {
    key: 'atyrau-two-continents-ru',
    lang: 'ru',
    slug: 'atyrau-most-iz-evropy-v-aziyu',
    headline: 'Атырау: город, где мост ведёт из Европы в Азию',
    lead: 'Река Урал делит Атырау на две части, которые принято относить к разным частям света. Для горожан переход с берега на берег — обычная прогулка, для гостей — повод сделать памятный снимок.',
    author: 'nurlanova',
    role: 'Корреспондент в Актау',
    city: 'Атырау',
    daysAgo: 84,
    time: '19:40',
    rubrics: ['cities', 'culture'],
    tags: ['Атырау', 'Урал'],
    body: [
      {
        type: 'p',
        text: 'Атырау стоит на реке Урал недалеко от её впадения в Каспий. По традиции Урал считается границей между Европой и Азией, поэтому правый, западный берег города относят к Европе, а левый — к Азии.',
      },
      {
        type: 'image',
        image: 'bridge',
        caption: 'Пешеходный мост через Урал в Атырау',
        credit: 'Иллюстрация: Dateline',
        alt: 'Длинный пешеходный мост над широкой рекой, по мосту гуляют люди, вдали видны жилые дома',
      },
      { type: 'h2', text: 'От купеческого городка до нефтяного центра' },
      {
        type: 'p',
        text: 'Город вырос из поселения, основанного в XVII веке, и долгое время назывался Гурьевом. Рыбный промысел сделал его известным далеко за пределами региона, а в XX веке Атырау стал одним из центров нефтяной отрасли Казахстана.',
      },
      {
        type: 'quote',
        text: 'Утром идёшь на работу в Азию, вечером возвращаешься домой в Европу — у нас этим никого не удивишь.',
        cite: 'житель Атырау',
      },
      {
        type: 'p',
        text: 'Набережные по обоим берегам Урала стали любимым местом отдыха горожан. Вечерами здесь гуляют семьи, а приезжие стараются сфотографироваться посередине моста — «между Европой и Азией».',
      },
    ],
  },

  // ---------------------------------------------------------------- day 96
  {
    key: 'enzeli-port-ru',
    lang: 'ru',
    slug: 'enzeli-port-laguna-rynok',
    headline: 'Энзели: порт, лагуна и рыбный рынок на южном берегу Каспия',
    lead: 'Иранский порт Энзели — одна из точек, через которые по Каспию идут грузы между Россией и Ираном. Город известен также своей лагуной и рыбным рынком.',
    author: 'morozova',
    role: 'Международный обозреватель',
    city: 'Энзели',
    daysAgo: 96,
    time: '11:05',
    rubrics: ['economy', 'cities'],
    tags: [],
    body: [
      {
        type: 'p',
        text: 'Энзели расположен в провинции Гилян, на полосе суши между морем и обширной лагуной. Порт принимает суда из других прикаспийских стран, в том числе из Астрахани и Махачкалы, а рядом с ним действует свободная экономическая зона.',
      },
      { type: 'h2', text: 'Морская часть коридора Север — Юг' },
      {
        type: 'p',
        text: 'На транскаспийской ветке коридора Север — Юг грузы из российских портов идут морем прямо к южному берегу Каспия. Оттуда их отправляют вглубь Ирана.',
      },
      {
        type: 'quote',
        text: 'Для нас море — это короткий путь на север. Судно из Астрахани приходит сюда за несколько суток.',
        cite: 'сотрудник экспедиторской компании',
      },
      {
        type: 'p',
        text: 'Лагуна Энзели с её тростниками и водяными лилиями — одно из известных водно-болотных угодий южного Каспия, где зимуют многие перелётные птицы. Туристы катаются по ней на лодках, а вечером отправляются на рыбный рынок у набережной.',
      },
    ],
  },
];

export default articles;
