#include "core/quantity.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <utility>

#include "core/text.hpp"

namespace npgov {
namespace {

struct UnitInfo {
    Unit unit;
    Dimension dimension;
    std::string_view symbol;
    // Size of the unit in the smallest unit of its dimension (g, ng/L, ng/g). Integers, so
    // every conversion factor between two units is an exact power of ten.
    double factor;
};

constexpr std::array<UnitInfo, 9> kUnits = {{
    {Unit::kTonne, Dimension::kMass, "t", 1e6},
    {Unit::kKilogram, Dimension::kMass, "kg", 1e3},
    {Unit::kGram, Dimension::kMass, "g", 1},
    {Unit::kNanogramPerLitre, Dimension::kAqueousConcentration, "ng/L", 1},
    {Unit::kMicrogramPerLitre, Dimension::kAqueousConcentration, "μg/L", 1e3},
    {Unit::kMilligramPerLitre, Dimension::kAqueousConcentration, "mg/L", 1e6},
    {Unit::kNanogramPerGram, Dimension::kSolidConcentration, "ng/g", 1},
    {Unit::kMicrogramPerKilogram, Dimension::kSolidConcentration, "μg/kg", 1},
    {Unit::kMilligramPerKilogram, Dimension::kSolidConcentration, "mg/kg", 1e3},
}};

const UnitInfo& InfoOf(Unit unit) {
    for (const UnitInfo& info : kUnits) {
        if (info.unit == unit) return info;
    }
    NPGOV_CHECK(false);  // every Unit has a row in kUnits
    return kUnits[0];
}

// Spellings after normalisation: full-width folded, spaces removed, 'µ'/'μ' written 'u',
// ASCII lower-cased.
struct Spelling {
    std::string_view text;
    Unit unit;
};

constexpr std::array<Spelling, 21> kSpellings = {{
    {"t", Unit::kTonne},
    {"吨", Unit::kTonne},
    {"kg", Unit::kKilogram},
    {"千克", Unit::kKilogram},
    {"公斤", Unit::kKilogram},
    {"g", Unit::kGram},
    {"克", Unit::kGram},
    {"ng/l", Unit::kNanogramPerLitre},
    {"纳克/升", Unit::kNanogramPerLitre},
    {"ug/l", Unit::kMicrogramPerLitre},
    {"微克/升", Unit::kMicrogramPerLitre},
    {"mg/l", Unit::kMilligramPerLitre},
    {"毫克/升", Unit::kMilligramPerLitre},
    {"ng/g", Unit::kNanogramPerGram},
    {"纳克/克", Unit::kNanogramPerGram},
    {"ug/kg", Unit::kMicrogramPerKilogram},
    {"微克/千克", Unit::kMicrogramPerKilogram},
    {"微克/公斤", Unit::kMicrogramPerKilogram},
    {"mg/kg", Unit::kMilligramPerKilogram},
    {"毫克/千克", Unit::kMilligramPerKilogram},
    {"毫克/公斤", Unit::kMilligramPerKilogram},
}};

// Time denominators that make a unit a rate ("t/a", "kg/d", "吨/年").
constexpr std::array<std::string_view, 14> kTimeDenominators = {
    "a", "y", "yr", "year", "年", "d", "day", "天", "日", "h", "hr", "小时", "月", "month"};

std::string NormalizeUnitSpelling(std::string_view text) {
    const std::string folded = NormalizeFullWidth(text);
    std::string out;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        if (c == ' ' || c == '\t') continue;
        // U+00B5 micro sign (C2 B5) and U+03BC Greek small mu (CE BC) both mean micro.
        if (i + 1 < folded.size() && ((c == '\xC2' && folded[i + 1] == '\xB5') ||
                                      (c == '\xCE' && folded[i + 1] == '\xBC'))) {
            out += 'u';
            ++i;
            continue;
        }
        out += c;
    }
    return ToLowerAscii(out);
}

bool IsRate(std::string_view spelling) {
    const std::size_t slash = spelling.rfind('/');
    if (slash == std::string_view::npos) return false;
    const std::string_view denominator = spelling.substr(slash + 1);
    for (std::string_view time : kTimeDenominators) {
        if (denominator == time) return true;
    }
    return false;
}

std::string DimensionNameZh(Dimension dimension) {
    switch (dimension) {
        case Dimension::kMass: return "质量";
        case Dimension::kAqueousConcentration: return "水相浓度";
        case Dimension::kSolidConcentration: return "固相浓度";
    }
    return "";
}

std::string DimensionNameEn(Dimension dimension) {
    switch (dimension) {
        case Dimension::kMass: return "mass";
        case Dimension::kAqueousConcentration: return "aqueous concentration";
        case Dimension::kSolidConcentration: return "solid concentration";
    }
    return "";
}

tl::unexpected<Error> NumberError(std::string zh, std::string en) {
    return MakeError(ErrorCode::kInvalidArgument, "quantity.number", std::move(zh), std::move(en),
                     "quantity");
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// True if `digits_and_commas` (the integer part) uses ',' only as thousands separators.
bool HasValidGrouping(std::string_view digits_and_commas) {
    if (digits_and_commas.find(',') == std::string_view::npos) return true;
    std::size_t group = 0;
    bool first_group = true;
    for (char c : digits_and_commas) {
        if (c != ',') {
            ++group;
            continue;
        }
        if (group == 0 || group > 3 || (!first_group && group != 3)) return false;
        first_group = false;
        group = 0;
    }
    return group == 3;
}

}  // namespace

Dimension DimensionOf(Unit unit) { return InfoOf(unit).dimension; }

std::string_view Symbol(Unit unit) { return InfoOf(unit).symbol; }

Result<Unit> ParseUnit(std::string_view text) {
    const std::string spelling = NormalizeUnitSpelling(Trim(text));
    if (spelling.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "unit.missing",
                         "缺少单位；可用 t、kg、g、ng/L、μg/L、mg/L、ng/g、μg/kg、mg/kg",
                         "the unit is missing; expected one of t, kg, g, ng/L, μg/L, mg/L, ng/g, "
                         "μg/kg, mg/kg",
                         "unit");
    }
    for (const Spelling& known : kSpellings) {
        if (known.text == spelling) return known.unit;
    }
    const std::string echo = ToMessageSnippet(Trim(text));
    if (IsRate(spelling)) {
        return MakeError(ErrorCode::kInvalidArgument, "unit.unknown",
                         "“" + echo +
                             "”是速率（每年、每天等的量），不是数量；请填写该期间的总量，单位用 "
                             "t、kg 或 g",
                         "\"" + echo +
                             "\" is a rate (an amount per year, day, ...), not an amount; give "
                             "the total for the period in t, kg or g",
                         "unit");
    }
    return MakeError(ErrorCode::kInvalidArgument, "unit.unknown",
                     "无法识别的单位“" + echo +
                         "”；可用 t、kg、g、ng/L、μg/L、mg/L、ng/g、μg/kg、mg/kg 或对应中文（吨、"
                         "千克、毫克/升、微克/千克 等）",
                     "unknown unit \"" + echo +
                         "\"; expected one of t, kg, g, ng/L, μg/L, mg/L, ng/g, μg/kg, mg/kg "
                         "(or the Chinese names)",
                     "unit");
}

Result<Quantity> ConvertTo(const Quantity& quantity, Unit target) {
    const UnitInfo& from = InfoOf(quantity.unit);
    const UnitInfo& to = InfoOf(target);
    if (from.dimension != to.dimension) {
        const std::string from_symbol(from.symbol);
        const std::string to_symbol(to.symbol);
        const bool water_and_solid = from.dimension != Dimension::kMass &&
                                     to.dimension != Dimension::kMass;
        const std::string why_zh = water_and_solid ? "，两者之间换算需要密度或固液比"
                                                   : "，量纲不同";
        const std::string why_en = water_and_solid
                                       ? " cannot be converted without a density"
                                       : " measure different things and cannot be converted";
        return MakeError(ErrorCode::kInvalidArgument, "unit.incompatible",
                         "不能把" + DimensionNameZh(from.dimension) + "（" + from_symbol +
                             "）换算为" + DimensionNameZh(to.dimension) + "（" + to_symbol + "）" +
                             why_zh,
                         DimensionNameEn(from.dimension) + " (" + from_symbol + ") and " +
                             DimensionNameEn(to.dimension) + " (" + to_symbol + ")" + why_en,
                         "unit");
    }
    // One multiplication or division by an exact power of ten: a single rounding.
    const double value = from.factor >= to.factor ? quantity.value * (from.factor / to.factor)
                                                  : quantity.value / (to.factor / from.factor);
    return Quantity{value, target};
}

Result<Quantity> ParseQuantity(std::string_view text) {
    const std::string folded = NormalizeFullWidth(text);
    const std::string_view input = Trim(folded);
    if (input.empty()) {
        return NumberError("数量为空，应填写如“12.5 mg/L”", "the quantity is empty; expected e.g. "
                                                             "\"12.5 mg/L\"");
    }
    const std::string echo = ToMessageSnippet(input);
    const std::string lower = ToLowerAscii(input);
    if (input.front() == '<' || input.front() == '>' || input.starts_with("≤") ||
        input.starts_with("≥") || lower.starts_with("nd") || lower.starts_with("n.d") ||
        input.starts_with("未检出")) {
        return NumberError("“" + echo + "”是删失值（低于检出限或未检出），不是数量；请按检出限"
                                        "规则单独记录",
                           "\"" + echo + "\" is a censored value (below the detection limit or "
                                         "not detected), not a quantity; record it as such");
    }

    std::size_t i = 0;
    std::string number;
    if (input[i] == '+' || input[i] == '-') {
        if (input[i] == '-') number += '-';
        ++i;
    }
    const std::size_t integer_start = i;
    while (i < input.size() && (IsDigit(input[i]) || input[i] == ',')) ++i;
    const std::string_view integer_part = input.substr(integer_start, i - integer_start);
    std::size_t digit_count = 0;
    for (char c : integer_part) {
        if (c != ',') {
            number += c;
            ++digit_count;
        }
    }
    if (i < input.size() && input[i] == '.') {
        number += '.';
        ++i;
        while (i < input.size() && IsDigit(input[i])) {
            number += input[i++];
            ++digit_count;
        }
    }
    if (digit_count == 0) {
        return NumberError("数量应以数字开头（如“12.5 mg/L”），收到“" + echo + "”",
                           "a quantity starts with a number (e.g. \"12.5 mg/L\"); got \"" + echo +
                               "\"");
    }
    if (!HasValidGrouping(integer_part)) {
        return NumberError("“" + echo + "”中的千位分隔符“,”应每三位一组；小数点请用“.”",
                           "in \"" + echo + "\", ',' must separate groups of three digits; use "
                                            "'.' as the decimal point");
    }
    // An exponent only if digits follow: "1e-3 mg/L"; the unit never starts with 'e'.
    if (i < input.size() && (input[i] == 'e' || input[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < input.size() && (input[j] == '+' || input[j] == '-')) ++j;
        if (j < input.size() && IsDigit(input[j])) {
            while (j < input.size() && IsDigit(input[j])) ++j;
            number += input.substr(i, j - i);
            i = j;
        }
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (ec != std::errc() || end != number.data() + number.size() || !std::isfinite(value)) {
        return NumberError("“" + echo + "”中的数值超出范围或无法解析",
                           "the number in \"" + echo + "\" is out of range or malformed");
    }
    NPGOV_ASSIGN_OR_RETURN(const Unit unit, ParseUnit(input.substr(i)));
    return Quantity{value, unit};
}

}  // namespace npgov
