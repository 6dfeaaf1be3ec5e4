package workbook.httpcache;

/**
 * The kinds of response the shop's origin serves: the five content types of the course's CDN
 * assignment (source 003, session 2.10). Given.
 */
public enum Content {
    /** CSS and JavaScript whose file name carries a hash of the content: {@code /assets/app.3f2a9c1e.js}. */
    STATIC_ASSET,
    /** A photo a seller uploaded: {@code /images/seller-7/boots.jpg}. The seller may replace it at the same URL. */
    SELLER_IMAGE,
    /** A public product page, the same for everyone: {@code /products/42}. */
    PRODUCT_PAGE,
    /** The signed-in user's dashboard: {@code /dashboard}, different for every user. */
    DASHBOARD,
    /** The product search API: {@code /search?q=boots}. Changes as products change. */
    SEARCH
}
