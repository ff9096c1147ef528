/*
 * Thai word search for Material for MkDocs.
 *
 * Thai is written without spaces between words, and Material's search splits text only
 * at its `separator` (spaces), so a whole Thai sentence becomes one search term and a
 * query finds it only when it matches the sentence's first letters.
 *
 * This file runs as the search worker in place of Material's own: the site's
 * overrides/main.html points Material at `thai-search.js?worker=<Material's worker>`.
 * It loads Material's worker unchanged and adds three things:
 *
 * - Index: Material's tokenizer hands each piece between separators to
 *   `lunr.segmenter` when one exists (it is meant for Japanese); this one cuts Thai
 *   runs into words, so every word is a term and highlighting stays exact.
 * - Query: Thai runs in the query are cut the same way and joined with spaces, so
 *   "ไข้เลือดออก" typed without spaces searches ไข้ เลือด ออก.
 * - Words are cut with the browser's Intl.Segmenter("th"). A browser without it gets
 *   Material's dictionary segmenter wordcut.js, which is otherwise not downloaded.
 *
 * It also replaces lunr.th's trimmer, whose pattern keeps punctuation stuck to words
 * ("(ไข้" never matches "ไข้"), with one that trims everything but letters, marks and digits.
 */
(function () {
  "use strict"

  var THAI = /[\u0E00-\u0E7F]/
  var THAI_OR_NOT = /[\u0E00-\u0E7F]+|[^\u0E00-\u0E7F]+/g
  var WORD = /[\p{L}\p{M}\p{N}]/u
  var EDGES = /^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu
  var MATERIAL_WORKER = /^search\.[0-9a-f]+\.min\.js$/
  var QUERY = 2 // Material's SearchMessageType.QUERY

  var intl = typeof Intl !== "undefined" && typeof Intl.Segmenter === "function"
    ? new Intl.Segmenter("th", { granularity: "word" })
    : null

  /* Cut a run of Thai letters into words; the pieces always add up to the run. */
  function cutThai(run) {
    var pieces = []
    if (intl) {
      var segments = intl.segment(run)
      for (var it = segments[Symbol.iterator](), step = it.next(); !step.done; step = it.next())
        pieces.push(step.value.segment)
    } else if (self.lunr && self.lunr.wordcut && typeof self.lunr.wordcut.cut === "function") {
      pieces = String(self.lunr.wordcut.cut(run)).split("|")
    }
    return pieces.join("") === run ? pieces : [run]
  }

  /* Cut any text: Thai runs into words, everything else left as it is. */
  function segment(text) {
    var pieces = []
    var runs = String(text).match(THAI_OR_NOT) || []
    for (var i = 0; i < runs.length; i++)
      if (THAI.test(runs[i])) pieces.push.apply(pieces, cutThai(runs[i]))
      else pieces.push(runs[i])
    return pieces
  }

  /* The query as words: "+ไข้เลือดออก" -> "+ไข้ +เลือด +ออก" (an operator applies to each word). */
  function segmentQuery(query) {
    return String(query).replace(/\u200B/g, " ").split(/(\s+|")/).map(function (chunk) {
      if (!THAI.test(chunk)) return chunk
      var operator = /^[+-]/.test(chunk) ? chunk[0] : ""
      var words = segment(operator ? chunk.slice(1) : chunk).map(function (piece) {
        return piece.replace(EDGES, "")
      }).filter(function (word) { return WORD.test(word) })
      return words.map(function (word) { return operator + word }).join(" ")
    }).join("")
  }

  /* Material's tokenizer asks `ctype_` whether to call `segment` on a piece of text. */
  function ThaiSegmenter() {}
  ThaiSegmenter.prototype.ctype_ = function (text) { return THAI.test(text) ? "K" : "O" }
  ThaiSegmenter.prototype.segment = segment

  function trimWord(token) {
    var trim = function (value) { return value.replace(EDGES, "") }
    return typeof token.update === "function" ? token.update(trim) : trim(token)
  }

  /* Exported for tests (Node) and for anyone who wants the same words elsewhere. */
  var api = { segment: segment, segmentQuery: segmentQuery, cutThai: cutThai, usesIntl: intl !== null }
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api
    return
  }
  self.thaiSearch = api

  /* Inside the worker: wrap importScripts, the message handler, then load Material's worker. */
  var here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : self.location.href
  var name = new URL(here).searchParams.get("worker") || ""
  if (!MATERIAL_WORKER.test(name))
    throw new Error("thai-search.js: expected ?worker=search.<hash>.min.js, got " + JSON.stringify(name))

  var importScriptsNative = self.importScripts
  self.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments)
    if (intl) {
      urls = urls.filter(function (url) { return !/\/wordcut\.js$/.test(url) })
      // lunr.th.min.js calls wordcut.init() when it loads.
      if (self.lunr && !self.lunr.wordcut)
        self.lunr.wordcut = { init: function () {}, cut: function (text) { return segment(text).join("|") } }
    }
    var result = importScriptsNative.apply(self, urls)
    if (self.lunr && self.lunr.th && self.lunr.th.trimmer !== trimWord) {
      self.lunr.Pipeline.registerFunction(trimWord, "trimmer-thai-words")
      self.lunr.th.trimmer = trimWord
    }
    return result
  }

  var addEventListenerNative = self.addEventListener
  self.addEventListener = function (type, listener, options) {
    if (type === "message" && typeof listener === "function") {
      var handle = listener
      listener = function (event) {
        var data = event.data
        if (data && data.type === QUERY && typeof data.data === "string")
          return handle.call(this, { data: { type: data.type, data: segmentQuery(data.data) } })
        return handle.call(this, event)
      }
    }
    return addEventListenerNative.call(self, type, listener, options)
  }

  importScriptsNative.call(self, new URL(name, here).href)
  self.lunr.TinySegmenter = ThaiSegmenter
})()
