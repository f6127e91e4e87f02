// Real URL shapes for the image-search rule: what must be blocked on every engine and wrapper,
// and the near-misses that must stay allowed because schools approve the web search beside them.
// Every URL is written as Chrome hands it to declarativeNetRequest (lowercase host, canonical
// form), so a later run through Chrome's testMatchOutcome can reuse this table unchanged.

export interface ImageSearchCase {
  url: string;
  blocked: boolean;
  why: string;
}

const blocked = (url: string, why: string): ImageSearchCase => ({ url, blocked: true, why });
const allowed = (url: string, why: string): ImageSearchCase => ({ url, blocked: false, why });

export const IMAGE_SEARCH_CASES: readonly ImageSearchCase[] = [
  // Google: results pages
  blocked('https://www.google.com/search?q=cats&tbm=isch', 'Images tab, classic tbm=isch'),
  blocked('https://www.google.co.uk/search?tbm=isch&q=tudor+houses', 'tbm=isch first, .co.uk'),
  blocked(
    'https://www.google.com/search?q=volcano&sca_esv=12ab&source=lnms&tbm=isch&sa=X&ved=2ahUKEwi&biw=1536&bih=730',
    'tbm=isch among the usual extra parameters',
  ),
  blocked('https://www.google.co.uk/search?q=volcano&udm=2', 'udm=2, the current Images tab'),
  blocked('https://www.google.com/search?udm=2&q=rainforest&hl=en-GB', 'udm=2 first'),
  blocked('https://www.google.com.au/search?q=koala&tbm=isch', '.com.au country domain'),
  blocked('https://www.google.de/search?q=hund&tbm=isch&hl=de', '.de country domain'),
  blocked('https://www.google.fr/search?q=chat&udm=2', '.fr with udm=2'),
  blocked('https://www.google.co.in/search?q=tiger&tbm=isch', '.co.in country domain'),
  blocked('https://www.google.com.br/search?q=gato&udm=2&sa=X', '.com.br with udm=2 mid-query'),
  blocked('https://www.google.ie/search?q=cliffs&tbm=isch', '.ie country domain'),
  blocked('https://www.google.cat/search?q=gat&tbm=isch', 'three-letter .cat domain'),
  blocked('http://www.google.com/search?q=cats&tbm=isch', 'plain http'),
  blocked('https://google.com/search?q=cats&tbm=isch', 'bare google.com without www'),
  blocked('https://encrypted.google.com/search?q=cats&tbm=isch', 'another Google subdomain'),
  blocked(
    'https://www.google.com/search?q=cats&tbm=isch#imgrc=AbC123',
    'fragment after the parameter (an opened image)',
  ),
  blocked(
    'https://www.google.com/search?igu=1&tbm=isch&q=cats',
    'igu=1 is the form Google allows inside an iframe (sub_frame)',
  ),
  blocked('https://www.google.com/webhp?tbm=isch&q=cats', 'tbm=isch on /webhp'),
  blocked(
    'https://www.google.com/search?q=cats&lns_mode=un&gsc=1&masfc=c&hl=en-US',
    'Lens image-only results in Search',
  ),
  blocked(
    'https://www.google.com/search?q=green+apples&lns_mode=mu&gsc=1&hl=en-GB',
    'Lens image-plus-text results in Search',
  ),
  blocked(
    'https://www.google.com/search?vsrid=CIq2nLy&gsessionid=abc&lsessionid=def&lns_surface=26&qsubts=1700000000000',
    'Lens visual matches (vsrid)',
  ),
  blocked('https://www.google.com/search?tbs=sbi:AMhZZiuQ2k&hl=en', 'search-by-image results'),
  blocked('https://www.google.co.uk/search?q=cat&tbs=simg:CAESmQIJ', 'visually similar images'),
  blocked(
    'https://www.google.com/search?tbs=sbi%3AAMhZZitq&btnG=Search+by+image',
    'search-by-image with the colon percent-encoded',
  ),

  // Google: Images pages, hosts and Lens
  blocked('https://www.google.com/imghp?hl=en&ogbl', 'Google Images home'),
  blocked('https://www.google.co.uk/imghp', 'Google Images home, .co.uk'),
  blocked(
    'https://www.google.com/imgres?imgurl=https://example.com/cat.jpg&imgrefurl=https://example.com/&tbnid=abc&docid=def',
    'image result viewer: shows a raw image from any site, so blocked',
  ),
  blocked(
    'https://www.google.co.uk/imgres?imgurl=https%3A%2F%2Fexample.org%2Fa.png',
    'image result viewer, encoded image address',
  ),
  blocked(
    'https://www.google.com/searchbyimage?image_url=https%3A%2F%2Fexample.com%2Fcat.jpg&client=app',
    'search by image URL',
  ),
  blocked('https://www.google.com/searchbyimage/upload', 'search by uploaded image'),
  blocked('https://www.google.com/lens', 'Lens on www.google.com'),
  blocked('https://www.google.com/images?q=cats', 'legacy /images search path'),
  blocked('https://www.google.com/advanced_image_search?q=cats&hl=en', 'Advanced Image Search'),
  blocked('https://images.google.com/', 'images.google.com home'),
  blocked('https://images.google.co.uk/', 'images.google.co.uk home'),
  blocked('https://images.google.com/search?q=cats', 'search on the Images host, no tbm needed'),
  blocked('http://images.google.de/imghp?hl=de', 'http, German Images host'),
  blocked('https://lens.google.com/', 'Google Lens home'),
  blocked(
    'https://lens.google.com/uploadbyurl?url=https%3A%2F%2Fexample.com%2Fcat.jpg',
    'Lens search by image URL',
  ),
  blocked('https://lens.google.com/search?ep=gsbubb&hl=en&p=AbrfA8p', 'Lens results page'),

  // Google through the Translate proxy (*.translate.goog writes dots as dashes)
  blocked(
    'https://www-google-com.translate.goog/search?q=cats&tbm=isch&_x_tr_sl=auto&_x_tr_tl=en&_x_tr_hl=en-GB',
    'Images results through the Translate proxy',
  ),
  blocked(
    'https://www-google-co-uk.translate.goog/search?q=cats&udm=2&_x_tr_sl=auto&_x_tr_tl=fr',
    'udm=2 on .co.uk through the Translate proxy',
  ),
  blocked(
    'https://images-google-com.translate.goog/?_x_tr_sl=auto&_x_tr_tl=en',
    'Images host through the Translate proxy',
  ),
  blocked(
    'https://www-google-com.translate.goog/imgres?imgurl=https://example.com/a.jpg&_x_tr_sl=auto&_x_tr_tl=en',
    'image viewer through the Translate proxy',
  ),
  blocked(
    'https://lens-google-com.translate.goog/uploadbyurl?url=https://example.com/a.jpg&_x_tr_sl=auto',
    'Lens through the Translate proxy',
  ),

  // Google inside wrappers: Translate page, Google cache, Wayback Machine, archive.today
  blocked(
    'https://translate.google.com/translate?sl=auto&tl=en&u=https%3A%2F%2Fwww.google.com%2Fsearch%3Fq%3Dcats%26tbm%3Disch',
    'Translate wrapping an encoded Images search (tbm%3Disch)',
  ),
  blocked(
    'https://translate.google.co.uk/translate?hl=en&sl=fr&u=https%3A%2F%2Fwww.google.fr%2Fsearch%3Fq%3Dchat%26udm%3D2&prev=search',
    'Translate wrapping an encoded udm%3D2 search',
  ),
  blocked(
    'https://translate.google.com/website?sl=auto&tl=en&hl=en&u=https://images.google.com/',
    'Translate /website wrapping the Images host',
  ),
  blocked(
    'https://translate.google.com/translate?sl=auto&tl=en&u=https://www.google.com/search?q=cats&tbm=isch',
    'Translate wrapping an unencoded Images search',
  ),
  blocked(
    'https://translate.googleusercontent.com/translate_c?depth=1&sl=auto&tl=en&u=https://www.google.com/search%3Fq%3Dcats%26tbm%3Disch',
    'legacy Translate frame host',
  ),
  blocked(
    'https://webcache.googleusercontent.com/search?q=cache:https://www.google.com/search%3Fq%3Dcats%26tbm%3Disch',
    'Google cache of an Images search',
  ),
  blocked(
    'https://webcache.googleusercontent.com/search?q=cache:images.google.com/&hl=en',
    'Google cache of the Images host',
  ),
  blocked(
    'https://webcache.googleusercontent.com/search?q=cache%3Ahttps%3A%2F%2Fwww.google.com%2Fimgres%3Fimgurl%3Dx',
    'Google cache of the image viewer, fully encoded',
  ),
  blocked(
    'https://web.archive.org/web/*/images.google.com*',
    'Wayback listing of images.google.com captures',
  ),
  blocked(
    'https://web.archive.org/web/20230115000000*/images.google.*',
    'Wayback listing with a timestamp prefix',
  ),
  blocked(
    'https://web.archive.org/web/20220101000000/https://www.google.com/search?q=cats&tbm=isch',
    'archived Images results',
  ),
  blocked(
    'https://web.archive.org/web/20240301120000if_/https://www.google.co.uk/search?q=cats&udm=2',
    'archived udm=2 results in the Wayback iframe form (sub_frame)',
  ),
  blocked('https://web.archive.org/web/2019/https://lens.google.com/', 'archived Google Lens'),
  blocked(
    'https://archive.ph/newest/https://www.google.com/search?q=cats&tbm=isch',
    'archive.today copy of Images results',
  ),

  // Bing
  blocked('https://www.bing.com/images/search?q=cats&form=HDRSC3&first=1', 'Bing Images results'),
  blocked(
    'https://www.bing.com/images/search?view=detailV2&ccid=abc&id=DEF&thid=OIP.x&mediaurl=https%3A%2F%2Fexample.com%2Fcat.jpg&q=cats&selectedIndex=0',
    'Bing image detail view',
  ),
  blocked('https://www.bing.com/images/feed', 'Bing Images feed'),
  blocked('https://www.bing.com/images', 'Bing Images without a trailing slash'),
  blocked(
    'https://www.bing.com/images/searchbyimage?cbir=sbi&imgurl=https%3A%2F%2Fexample.com%2Fa.jpg',
    'Bing search by image URL',
  ),
  blocked(
    'https://www.bing.com/images/search?q=imgurl:https://example.com/a.jpg&view=detailv2&iss=sbi',
    'Bing search by image (iss=sbi)',
  ),
  blocked('https://www.bing.com/visualsearch?FORM=ILPVIS', 'Bing Visual Search'),
  blocked('https://www.bing.com/images/create?FORM=GENILP', 'Bing Image Creator, under /images/'),
  blocked('https://cn.bing.com/images/search?q=cats', 'Bing China host'),
  blocked('http://bing.com/images/search?q=cats', 'bare bing.com over http'),
  blocked(
    'https://www-bing-com.translate.goog/images/search?q=cats&_x_tr_sl=auto&_x_tr_tl=en',
    'Bing Images through the Translate proxy',
  ),
  blocked(
    'https://web.archive.org/web/2021/https://www.bing.com/images/search?q=cats',
    'archived Bing Images results',
  ),

  // DuckDuckGo
  blocked('https://duckduckgo.com/?q=cats&iax=images&ia=images', 'DuckDuckGo Images'),
  blocked('https://duckduckgo.com/?t=h_&q=cats&ia=images&iax=images', 'parameters reordered'),
  blocked(
    'https://duckduckgo.com/?q=cats&t=ffab&iar=images&iax=images&ia=images',
    'with iar=images and a browser tag',
  ),
  blocked(
    'https://duckduckgo.com/?q=cats&ia=images&iax=images&iai=https%3A%2F%2Fexample.com%2Fcat.jpg',
    'an opened image in DuckDuckGo Images',
  ),
  blocked('https://start.duckduckgo.com/?q=cats&ia=images', 'start.duckduckgo.com host'),
  blocked('https://safe.duckduckgo.com/?q=cats&iax=images', 'safe.duckduckgo.com, iax only'),
  blocked(
    'https://external-content.duckduckgo.com/iu/?u=https%3A%2F%2Fexample.com%2Fcat.jpg&f=1&nofb=1',
    'full-size image viewer: shows a raw image from any site',
  ),
  blocked(
    'https://duckduckgo-com.translate.goog/?q=cats&ia=images&_x_tr_sl=auto',
    'DuckDuckGo Images through the Translate proxy',
  ),
  blocked(
    'https://web.archive.org/web/2022/https://duckduckgo.com/?q=cats&ia=images',
    'archived DuckDuckGo Images',
  ),

  // Yahoo and AOL
  blocked(
    'https://images.search.yahoo.com/search/images;_ylt=AwrExdwR?p=cats&fr=yfp-t',
    'Yahoo Images results',
  ),
  blocked('https://uk.images.search.yahoo.com/search/images?p=cats', 'Yahoo Images UK host'),
  blocked('https://images.search.yahoo.com/', 'Yahoo Images home'),
  blocked(
    'https://au.images.search.yahoo.com/search/images?p=koala&fr2=piv-web',
    'Yahoo Images Australia host',
  ),
  blocked(
    'https://images.search.yahoo.com/search/images/view;_ylt=abc?p=cats&back=x',
    'Yahoo image viewer',
  ),
  blocked('https://search.yahoo.co.jp/image/search?p=neko', 'Yahoo Japan image search'),
  blocked(
    'https://uk-images-search-yahoo-com.translate.goog/search/images?p=cats&_x_tr_sl=auto',
    'Yahoo Images UK through the Translate proxy',
  ),
  blocked(
    'https://web.archive.org/web/2020/https://images.search.yahoo.com/search/images?p=cats',
    'archived Yahoo Images',
  ),
  blocked(
    'https://search.aol.com/aol/image;_ylt=Awrih0X?q=cats&s_it=searchtabs&v_t=comsearch',
    'AOL image search',
  ),
  blocked('https://search.aol.co.uk/aol/image?q=cats', 'AOL UK image search'),

  // Yandex
  blocked('https://yandex.ru/images/search?text=cats', 'Yandex Images results'),
  blocked('https://yandex.com/images/', 'Yandex Images home'),
  blocked(
    'https://yandex.com/images/search?rpt=imageview&url=https%3A%2F%2Fexample.com%2Fa.jpg',
    'Yandex search by image URL',
  ),
  blocked('https://yandex.com.tr/gorsel/search?text=kedi', 'Yandex Turkey uses /gorsel'),
  blocked('https://yandex.kz/images/search?text=cats&from=tabbar', 'Yandex Kazakhstan'),
  blocked('https://ya.ru/images/search?text=cats', 'ya.ru, Yandex home'),
  blocked('https://images.yandex.ru/yandsearch?text=cats', 'legacy images.yandex.ru host'),
  blocked('https://yandex.ru/images/touch/search?text=cats', 'Yandex Images mobile layout'),
  blocked(
    'https://web.archive.org/web/2021/https://yandex.ru/images/search?text=cats',
    'archived Yandex Images',
  ),

  // Ecosia
  blocked('https://www.ecosia.org/images?q=cats', 'Ecosia Images'),
  blocked('https://www.ecosia.org/images?q=cats&imageSize=large', 'Ecosia Images with a filter'),
  blocked('https://ecosia.org/images', 'Ecosia Images, bare domain'),
  blocked(
    'https://www-ecosia-org.translate.goog/images?q=cats&_x_tr_sl=auto&_x_tr_tl=en',
    'Ecosia Images through the Translate proxy',
  ),
  blocked(
    'https://web.archive.org/web/2022/https://www.ecosia.org/images?q=cats',
    'archived Ecosia Images',
  ),

  // Startpage
  blocked('https://www.startpage.com/sp/search?query=cats&cat=images', 'Startpage Images'),
  blocked(
    'https://www.startpage.com/sp/search?cat=images&q=cats&language=english',
    'cat=images first, q instead of query',
  ),
  blocked('https://www.startpage.com/do/search?cat=pics&query=cats', 'older /do/search?cat=pics'),
  blocked(
    'https://www.startpage.com/do/dsearch?query=cats&cat=pics&language=english',
    'older /do/dsearch with cat=pics',
  ),
  blocked(
    'https://www.startpage.com/av/proxy-image?piurl=https%3A%2F%2Fexample.com%2Fcat.jpg&sp=1&sig=abc',
    'full-size image viewer',
  ),
  blocked(
    'https://web.archive.org/web/2020/https://www.startpage.com/sp/search?query=cats&cat=images',
    'archived Startpage Images',
  ),

  // Brave Search
  blocked('https://search.brave.com/images?q=cats', 'Brave Search images'),
  blocked(
    'https://search.brave.com/images?q=cats&source=web&safesearch=strict',
    'Brave images with extra parameters',
  ),
  blocked('https://search.brave.com/images', 'Brave images without a query'),
  blocked(
    'https://search-brave-com.translate.goog/images?q=cats&_x_tr_sl=auto',
    'Brave images through the Translate proxy',
  ),
  blocked(
    'https://web.archive.org/web/2023/https://search.brave.com/images?q=cats',
    'archived Brave images',
  ),

  // Qwant
  blocked('https://www.qwant.com/?q=cats&t=images', 'Qwant images'),
  blocked('https://www.qwant.com/?t=images&q=cats&locale=en_GB', 't=images first'),
  blocked('https://www.qwant.com/?l=en&q=cats&t=images&o=0%3A1A2B', 'an opened Qwant image'),
  blocked('https://lite.qwant.com/?q=cats&t=images', 'Qwant Lite images'),
  blocked(
    'https://web.archive.org/web/2020/https://www.qwant.com/?q=cats&t=images',
    'archived Qwant images',
  ),

  // Baidu
  blocked('https://image.baidu.com/', 'Baidu Images home'),
  blocked(
    'https://image.baidu.com/search/index?tn=baiduimage&ie=utf-8&word=cats',
    'Baidu Images results',
  ),
  blocked(
    'https://image.baidu.com/search/detail?ct=503316480&z=0&tn=baiduimagedetail&word=cats',
    'Baidu image detail',
  ),
  blocked('https://graph.baidu.com/pcpage/index?tpl_from=pc', 'Baidu search by image'),
  blocked('https://www.baidu.com/s?tn=baiduimage&word=cats', 'tn=baiduimage on www.baidu.com'),
  blocked(
    'https://m.baidu.com/sf/vsearch?pd=image_content&word=cats&tn=vsearch&atn=page',
    'Baidu mobile image results',
  ),
  blocked('https://web.archive.org/web/2019/https://image.baidu.com/', 'archived Baidu Images'),

  // Pinterest
  blocked('https://www.pinterest.com/search/pins/?q=cats&rs=typed', 'Pinterest pin search'),
  blocked('https://www.pinterest.co.uk/search/pins/?q=cats', 'Pinterest UK pin search'),
  blocked('https://uk.pinterest.com/search/pins/?q=cats&rs=typed', 'uk.pinterest.com host'),
  blocked('https://www.pinterest.de/search/boards/?q=hund', 'board search, .de'),
  blocked('https://www.pinterest.com.au/search/pins/?q=koala', '.com.au domain'),
  blocked('https://www.pinterest.com/search/?q=cats', 'plain /search/'),
  blocked(
    'https://www.pinterest.com/pin/123456789012345678/visual-search/?x=16&y=16&w=530&h=398',
    'visual search from a pin',
  ),
  blocked(
    'https://web.archive.org/web/2021/https://www.pinterest.com/search/pins/?q=cats',
    'archived Pinterest search',
  ),

  // Other engines
  blocked('https://www.kiddle.co/i.php?q=cats', 'Kiddle image search'),
  blocked('https://swisscows.com/en/images?query=cats', 'Swisscows images, language prefix'),
  blocked('https://swisscows.com/images?query=cats&region=en-GB', 'Swisscows images'),
  blocked('https://www.mojeek.com/search?q=cats&fmt=images', 'Mojeek images'),
  blocked('https://www.mojeek.co.uk/search?fmt=images&q=cats', 'Mojeek UK, fmt first'),
  blocked('https://tineye.com/', 'TinEye reverse image search home'),
  blocked(
    'https://tineye.com/search?url=https%3A%2F%2Fexample.com%2Fcat.jpg',
    'TinEye search by image URL',
  ),

  // Allowed: Google web search and other Google services
  allowed('https://www.google.com/', 'Google home'),
  allowed('https://www.google.com/webhp?hl=en', 'Google home, /webhp'),
  allowed('https://www.google.co.uk/search?q=cats', 'web search'),
  allowed('https://www.google.com/search?q=cats&tbm=nws', 'Google News tab'),
  allowed('https://www.google.com/search?q=cats&tbm=vid', 'Videos tab (not image search)'),
  allowed('https://www.google.com/search?q=cats&udm=14', 'udm=14, the plain Web tab'),
  allowed('https://www.google.com/search?q=cats&udm=28', 'udm=28 (Shopping) starts with 2'),
  allowed('https://www.google.com/search?q=images+of+space', 'query merely mentions images'),
  allowed('https://www.google.com/search?q=google+images', 'query mentions Google Images'),
  allowed('https://www.google.com/search?q=isch&tbm=nws', 'isch as a search word, News tab'),
  allowed('https://www.google.com/search?q=cats&xtbm=isch', 'a parameter that only ends in tbm'),
  allowed(
    'https://www.google.com/search?q=what+does+udm%3D2+mean',
    'udm=2 typed as search words, encoded',
  ),
  allowed(
    'https://www.google.com/search?q=cats&lns_mode=text',
    'Lens text-only mode gives web results',
  ),
  allowed('https://www.google.com/maps/search/cafes+near+me', 'Google Maps search'),
  allowed('https://www.google.co.uk/maps/@51.5,-0.12,12z', 'Google Maps view'),
  allowed('https://scholar.google.com/scholar?q=photosynthesis', 'Google Scholar'),
  allowed('https://news.google.com/topstories?hl=en-GB', 'Google News site'),
  allowed('https://earth.google.com/web/', 'Google Earth'),
  allowed('https://docs.google.com/document/d/1AbC/edit', 'Google Docs'),
  allowed('https://classroom.google.com/c/MTIz', 'Google Classroom'),
  allowed(
    'https://artsandculture.google.com/search?q=van+gogh',
    'Arts & Culture collections; the site list decides',
  ),
  allowed('https://lens.google/', 'Lens information page on the .google domain, not the tool'),
  allowed(
    'https://www.notgoogle.com/search?q=cats&tbm=isch',
    'look-alike host that only ends in google',
  ),

  // Allowed: Translate, cache and archives of ordinary pages and of web search
  allowed(
    'https://translate.google.com/?sl=en&tl=fr&text=images&op=translate',
    'translating the word images',
  ),
  allowed(
    'https://translate.google.co.uk/translate?sl=auto&tl=fr&u=https://www.bbc.co.uk/news',
    'Translate wrapping an ordinary site',
  ),
  allowed(
    'https://translate.google.com/translate?sl=auto&tl=en&u=https%3A%2F%2Fwww.google.com%2Fsearch%3Fq%3Dcats',
    'Translate wrapping a Google web search',
  ),
  allowed('https://www-bbc-co-uk.translate.goog/news', 'Translate proxy of an ordinary site'),
  allowed(
    'https://www-bbc-co-uk.translate.goog/news?_x_tr_sl=en&_x_tr_tl=fr',
    'Translate proxy of an ordinary site, with proxy parameters',
  ),
  allowed(
    'https://www-google-com.translate.goog/search?q=cats&_x_tr_sl=auto&_x_tr_tl=en',
    'Translate proxy of a Google web search',
  ),
  allowed(
    'https://www-bing-com.translate.goog/search?q=cats&_x_tr_sl=auto',
    'Translate proxy of a Bing web search',
  ),
  allowed(
    'https://webcache.googleusercontent.com/search?q=cache:https://www.bbc.co.uk/news',
    'Google cache of an ordinary site',
  ),
  allowed('https://web.archive.org/web/2020/https://www.bbc.co.uk/news', 'archived ordinary site'),
  allowed(
    'https://web.archive.org/web/2019/https://www.google.com/search?q=cats',
    'archived Google web search',
  ),
  allowed(
    'https://web.archive.org/web/2020/https://www.nasa.gov/images/',
    'archived non-engine /images/ page',
  ),

  // Allowed: other engines' web, news and video search
  allowed('https://www.bing.com/search?q=cats&form=QBLH', 'Bing web search'),
  allowed('https://www.bing.com/search?q=images+of+cats', 'Bing web search mentioning images'),
  allowed('https://www.bing.com/news/search?q=cats', 'Bing News'),
  allowed('https://www.bing.com/maps?q=london', 'Bing Maps'),
  allowed('https://www.bing.com/videos/search?q=cats', 'Bing Videos (not image search)'),
  allowed('https://duckduckgo.com/?q=cats', 'DuckDuckGo web search'),
  allowed('https://duckduckgo.com/?q=cats&ia=web', 'DuckDuckGo ia=web'),
  allowed('https://duckduckgo.com/?q=cats&iar=news&ia=news', 'DuckDuckGo News'),
  allowed('https://duckduckgo.com/?q=cats&ia=videos&iax=videos', 'DuckDuckGo Videos'),
  allowed('https://duckduckgo.com/?q=images+of+cats&ia=web', 'web search mentioning images'),
  allowed('https://html.duckduckgo.com/html/?q=images', 'DuckDuckGo HTML search for images'),
  allowed('https://search.yahoo.com/search?p=cats', 'Yahoo web search'),
  allowed('https://uk.search.yahoo.com/search?p=cats&fr=yfp-t', 'Yahoo UK web search'),
  allowed('https://news.search.yahoo.com/search?p=cats', 'Yahoo News search'),
  allowed('https://search.yahoo.co.jp/search?p=neko', 'Yahoo Japan web search'),
  allowed('https://search.aol.com/aol/search?q=cats', 'AOL web search'),
  allowed('https://yandex.ru/search/?text=cats', 'Yandex web search'),
  allowed('https://yandex.com/search/?text=images', 'Yandex web search for the word images'),
  allowed('https://yandex.com/maps/', 'Yandex Maps'),
  allowed('https://www.ecosia.org/search?q=cats', 'Ecosia web search'),
  allowed('https://www.ecosia.org/news?q=cats', 'Ecosia News'),
  allowed('https://www.ecosia.org/search?q=images+of+trees', 'Ecosia web search mentioning images'),
  allowed('https://www.startpage.com/', 'Startpage home'),
  allowed('https://www.startpage.com/sp/search?query=cats&cat=web', 'Startpage web search'),
  allowed(
    'https://www.startpage.com/do/dsearch?query=cats&cat=web&language=english',
    'older Startpage web search',
  ),
  allowed('https://www.startpage.com/sp/search?query=cats&cat=news', 'Startpage News'),
  allowed(
    'https://www.startpage.com/sp/search',
    'POST search: its category is in the body, which DNR cannot see (a known gap)',
  ),
  allowed('https://search.brave.com/search?q=cats&source=web', 'Brave web search'),
  allowed('https://search.brave.com/news?q=cats', 'Brave News'),
  allowed('https://search.brave.com/videos?q=cats', 'Brave Videos'),
  allowed('https://www.qwant.com/?q=cats', 'Qwant default web search'),
  allowed('https://www.qwant.com/?q=cats&t=web', 'Qwant t=web'),
  allowed('https://www.qwant.com/?q=cats&t=news', 'Qwant News'),
  allowed('https://www.qwant.com/?q=images&t=web', 'Qwant web search for the word images'),
  allowed('https://www.baidu.com/s?wd=cats', 'Baidu web search'),
  allowed('https://www.baidu.com/s?ie=utf-8&wd=cats&tn=baidu', 'tn=baidu is web search'),
  allowed('https://www.baidu.com/s?wd=baiduimage', 'baiduimage typed as a search word'),
  allowed('https://baike.baidu.com/item/cat', 'Baidu encyclopaedia'),
  allowed('https://www.pinterest.com/pin/123456789012345678/', 'a single pin page'),
  allowed('https://www.pinterest.co.uk/pin/987654321/', 'a single pin page, UK'),
  allowed('https://www.pinterest.com/', 'Pinterest home; the site list decides'),
  allowed('https://www.kiddle.co/s.php?q=cats', 'Kiddle web search'),
  allowed('https://kids.kiddle.co/Cat', 'Kiddle encyclopaedia article'),
  allowed('https://swisscows.com/en/web?query=cats', 'Swisscows web search'),
  allowed('https://www.mojeek.com/search?q=cats', 'Mojeek web search'),
  allowed('https://www.mojeek.com/search?q=cats&fmt=news', 'Mojeek News'),

  // Allowed: ordinary sites whose addresses mention images
  allowed('https://www.bbc.co.uk/search?q=images+of+space', 'site search mentioning images'),
  allowed('https://example.org/blog?tag=isch', 'isch as an ordinary tag'),
  allowed('https://www.nasa.gov/images/', 'non-engine /images/ path'),
  allowed('https://www.example.com/images/search?q=cats', 'non-engine /images/search path'),
  allowed('https://www.plumbing.com/images/', 'host only ends in "bing"'),
  allowed('https://commons.wikimedia.org/wiki/Category:Cats', 'media library, not an engine'),
  allowed('https://www.bbc.co.uk/bitesize/topics/zcyycdm', 'ordinary school resource'),
  allowed('https://www.topmarks.co.uk/search?q=images', 'site search for the word images'),
];
