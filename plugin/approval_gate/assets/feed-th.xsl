<?xml version="1.0" encoding="UTF-8"?>
<!--
  The RSS feed as a person sees it in a browser, in Thai: the site's title, each item's title,
  date (Buddhist Era, Asia/Bangkok) and categories, and a link to the item. The feed itself keeps
  its RFC 822 dates (Common Era, as the RSS specification requires); only this view converts them.
  A date that cannot be read is shown as it is. Item descriptions are left out: they hold HTML,
  which XSLT 1.0 in a browser could only print as markup text.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="html" encoding="UTF-8" indent="yes"/>

  <!-- The site's digit style (plugin option thai_digits): the plugin writes true() when it is on. -->
  <xsl:variable name="thai-digits" select="false()"/>

  <xsl:template match="/">
    <html lang="th">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="rss/channel/title"/></title>
        <style>
body { font-family: Sarabun, "TH Sarabun New", Tahoma, sans-serif; max-width: 48rem; margin: 0 auto;
       padding: 1rem; line-height: 1.7; color: #1a1a1a; background: #fff; overflow-wrap: break-word; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
a { color: #0b4f8a; text-decoration: underline; }
header { border-bottom: 2px solid #d0d7de; padding-bottom: 1rem; margin-bottom: 1.5rem; }
article { border-bottom: 1px solid #d0d7de; padding: .75rem 0; }
.meta { color: #3d4449; font-size: .95rem; margin: 0; }
        </style>
      </head>
      <body>
        <header>
          <h1><xsl:value-of select="rss/channel/title"/></h1>
          <p><xsl:value-of select="rss/channel/description"/></p>
          <p class="meta">
            ฟีดข่าว (RSS) ของเว็บไซต์: คัดลอกที่อยู่ของหน้านี้ไปใส่ในโปรแกรมอ่านฟีดเพื่อรับข่าวใหม่
            <xsl:if test="rss/channel/lastBuildDate">
              · ปรับปรุงล่าสุด
              <xsl:call-template name="thai-date">
                <xsl:with-param name="text" select="rss/channel/lastBuildDate"/>
              </xsl:call-template>
            </xsl:if>
          </p>
          <p><a href="{rss/channel/link}">ไปที่หน้าแรกของเว็บไซต์</a></p>
        </header>
        <main>
          <xsl:for-each select="rss/channel/item">
            <article>
              <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
              <p class="meta">
                <xsl:if test="pubDate">
                  <xsl:text>เผยแพร่เมื่อ </xsl:text>
                  <xsl:call-template name="thai-date">
                    <xsl:with-param name="text" select="pubDate"/>
                  </xsl:call-template>
                </xsl:if>
                <xsl:for-each select="category[not(. = preceding-sibling::category)]">
                  <xsl:text> · </xsl:text>
                  <xsl:value-of select="."/>
                </xsl:for-each>
              </p>
            </article>
          </xsl:for-each>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- 'Sun, 15 Nov 2026 20:30:00 +0000' -> '16 พ.ย. 2569' (the day in Asia/Bangkok, +07:00). -->
  <xsl:template name="thai-date">
    <xsl:param name="text"/>
    <xsl:variable name="rest" select="normalize-space(substring-after($text, ','))"/>
    <xsl:variable name="day" select="number(substring-before($rest, ' '))"/>
    <xsl:variable name="rest2" select="substring-after($rest, ' ')"/>
    <xsl:variable name="mon" select="substring-before($rest2, ' ')"/>
    <xsl:variable name="rest3" select="substring-after($rest2, ' ')"/>
    <xsl:variable name="year" select="number(substring-before($rest3, ' '))"/>
    <xsl:variable name="clock" select="substring-after($rest3, ' ')"/>
    <xsl:variable name="minutes" select="number(substring($clock, 1, 2)) * 60 + number(substring($clock, 4, 2))"/>
    <xsl:variable name="zone" select="substring-after($clock, ' ')"/>
    <xsl:variable name="zone-minutes">
      <xsl:choose>
        <xsl:when test="$zone = 'GMT' or $zone = 'UT' or $zone = 'Z'">0</xsl:when>
        <xsl:when test="string-length($zone) = 5 and (starts-with($zone, '+') or starts-with($zone, '-'))">
          <xsl:variable name="size" select="number(substring($zone, 2, 2)) * 60 + number(substring($zone, 4, 2))"/>
          <xsl:value-of select="$size * (1 - 2 * number(starts-with($zone, '-')))"/>
        </xsl:when>
        <xsl:otherwise>NaN</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="months" select="'JanFebMarAprMayJunJulAugSepOctNovDec'"/>
    <xsl:variable name="month" select="string-length(substring-before($months, $mon)) div 3 + 1"/>
    <xsl:choose>
      <xsl:when test="string-length($mon) != 3 or not(contains($months, $mon)) or string($day) = 'NaN'
                      or string($year) = 'NaN' or string($minutes) = 'NaN' or string(number($zone-minutes)) = 'NaN'">
        <xsl:value-of select="$text"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- To the Julian day number, add the day the Bangkok offset moves to, and back. -->
        <xsl:variable name="shift" select="floor(($minutes - $zone-minutes + 420) div 1440)"/>
        <xsl:variable name="a" select="floor((14 - $month) div 12)"/>
        <xsl:variable name="y" select="$year + 4800 - $a"/>
        <xsl:variable name="m" select="$month + 12 * $a - 3"/>
        <xsl:variable name="jdn" select="$day + floor((153 * $m + 2) div 5) + 365 * $y + floor($y div 4)
                                         - floor($y div 100) + floor($y div 400) - 32045 + $shift"/>
        <xsl:variable name="b0" select="$jdn + 32044"/>
        <xsl:variable name="b" select="floor((4 * $b0 + 3) div 146097)"/>
        <xsl:variable name="c" select="$b0 - floor(146097 * $b div 4)"/>
        <xsl:variable name="d" select="floor((4 * $c + 3) div 1461)"/>
        <xsl:variable name="e" select="$c - floor(1461 * $d div 4)"/>
        <xsl:variable name="m2" select="floor((5 * $e + 2) div 153)"/>
        <xsl:variable name="local-day" select="$e - floor((153 * $m2 + 2) div 5) + 1"/>
        <xsl:variable name="local-month" select="$m2 + 3 - 12 * floor($m2 div 10)"/>
        <xsl:variable name="local-year" select="100 * $b + $d - 4800 + floor($m2 div 10)"/>
        <xsl:variable name="names" select="'|1:ม.ค.|2:ก.พ.|3:มี.ค.|4:เม.ย.|5:พ.ค.|6:มิ.ย.|7:ก.ค.|8:ส.ค.|9:ก.ย.|10:ต.ค.|11:พ.ย.|12:ธ.ค.|'"/>
        <xsl:variable name="shown"
          select="concat($local-day, ' ', substring-before(substring-after($names, concat('|', $local-month, ':')), '|'),
                         ' ', $local-year + 543)"/>
        <xsl:choose>
          <xsl:when test="$thai-digits">
            <xsl:value-of select="translate($shown, '0123456789', '๐๑๒๓๔๕๖๗๘๙')"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$shown"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
