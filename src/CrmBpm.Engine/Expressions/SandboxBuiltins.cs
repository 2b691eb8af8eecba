using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JsEngine = Jint.Engine;

namespace CrmBpm.Engine.Expressions;

/// <summary>
/// Fits a fresh engine's builtins to the sandbox. Jint checks its memory limit between statements, so one builtin call
/// could allocate gigabytes before the check. Builtins that multiply sizes are capped before they allocate; what
/// conditions never need (typed arrays, array buffers, BigInt) is not available at all.
/// </summary>
internal static class SandboxBuiltins
{
    private const string NotAvailable = "typed arrays, ArrayBuffer, DataView, Atomics and BigInt are not available in expressions";

    private static readonly string[] Unavailable =
    [
        "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "BigInt",
        "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
        "BigInt64Array", "BigUint64Array", "Float16Array", "Float32Array", "Float64Array",
    ];

    public static void Install(JsEngine engine, ExpressionLimits limits)
    {
        var global = engine.Global;
        foreach (var name in Unavailable)
        {
            // A getter that refuses, rather than a missing name, so the incident says why.
            global.FastSetProperty(name, new GetSetPropertyDescriptor(Refuse(engine, name), JsValue.Undefined, enumerable: false, configurable: true));
        }

        var strings = new StringGuards(engine, limits.MaxStringLength, limits.MaxArrayLength);
        var stringPrototype = global.Get("String").Get("prototype").AsObject();
        strings.Wrap(stringPrototype, "repeat", 1, strings.Repeat);
        strings.Wrap(stringPrototype, "padStart", 1, strings.PadStart);
        strings.Wrap(stringPrototype, "padEnd", 1, strings.PadEnd);
        strings.Wrap(stringPrototype, "replace", 2, strings.Replace);
        strings.Wrap(stringPrototype, "replaceAll", 2, strings.Replace);

        var arrayPrototype = engine.Intrinsics.Array.Get("prototype").AsObject();
        strings.Wrap(arrayPrototype, "join", 1, strings.Join);
        strings.Wrap(arrayPrototype, "toLocaleString", 0, strings.ToLocaleString);

        strings.Wrap(global.Get("JSON").AsObject(), "stringify", 3, strings.Stringify);
    }

    private static ClrFunction Refuse(JsEngine engine, string name) =>
        new(engine, name, (_, _) => throw new ExpressionLimitException($"{name} is not available: {NotAvailable}."), 0, PropertyFlag.Configurable);

    /// <summary>The capped builtins. Each converts its arguments once, checks the size it would build, then calls the original with the converted values.</summary>
    private sealed class StringGuards(JsEngine engine, int maxLength, int maxArrayLength)
    {
        private readonly HashSet<ObjectInstance> _joining = new(ReferenceEqualityComparer.Instance);

        public void Wrap(ObjectInstance target, string name, int length, Func<JsValue, JsValue[], JsValue, JsValue> guard)
        {
            var original = target.Get(name);
            target.FastSetProperty(name, new PropertyDescriptor(
                new ClrFunction(engine, name, (thisObject, arguments) => guard(thisObject, arguments, original), length, PropertyFlag.Configurable),
                PropertyFlag.Configurable | PropertyFlag.Writable));
        }

        public JsValue Repeat(JsValue thisObject, JsValue[] arguments, JsValue original)
        {
            var text = ThisString(thisObject, "repeat");
            var count = TypeConverter.ToIntegerOrInfinity(Argument(arguments, 0));
            if (count > 0 && !double.IsInfinity(count) && text.Length * count > maxLength)
            {
                throw TooLong($"'…'.repeat({count})", text.Length * count);
            }

            return engine.Call(original, text, [count]);
        }

        public JsValue PadStart(JsValue thisObject, JsValue[] arguments, JsValue original) => Pad(thisObject, arguments, original, "padStart");

        public JsValue PadEnd(JsValue thisObject, JsValue[] arguments, JsValue original) => Pad(thisObject, arguments, original, "padEnd");

        private JsValue Pad(JsValue thisObject, JsValue[] arguments, JsValue original, string name)
        {
            var text = ThisString(thisObject, name);
            var target = (double)TypeConverter.ToLength(Argument(arguments, 0));
            var filler = Argument(arguments, 1);
            JsValue fill = filler.IsUndefined() ? JsValue.Undefined : TypeConverter.ToString(filler);
            if (target > maxLength && target > text.Length && !(fill.IsString() && fill.AsString().Length == 0))
            {
                throw TooLong($"{name}({target})", target);
            }

            return engine.Call(original, text, [target, fill]);
        }

        /// <summary>
        /// Bounds the result before it is built: each match adds at most the replacement, and every <c>$</c> pattern in it
        /// at most the whole text. A function replacer runs statements, so the memory limit sees its work.
        /// </summary>
        public JsValue Replace(JsValue thisObject, JsValue[] arguments, JsValue original)
        {
            var pattern = Argument(arguments, 0);
            var replacement = Argument(arguments, 1);
            if (thisObject.IsString() && replacement.IsString())
            {
                var text = thisObject.AsString();
                var with = replacement.AsString();
                double perMatch = with.Contains('$', StringComparison.Ordinal) ? (double)with.Length * Math.Max(text.Length, 1) : with.Length;
                double matches = pattern.IsString() ? Occurrences(text, pattern.AsString()) : text.Length + 1;
                var bound = text.Length + matches * perMatch;
                if (bound > maxLength)
                {
                    throw TooLong("replace", bound);
                }
            }

            return engine.Call(original, thisObject, arguments);
        }

        public JsValue Join(JsValue thisObject, JsValue[] arguments, JsValue original)
        {
            var separator = Argument(arguments, 0);
            var text = separator.IsUndefined() ? "," : TypeConverter.ToString(separator);
            return JoinBounded(thisObject, text, element => TypeConverter.ToString(element));
        }

        public JsValue ToLocaleString(JsValue thisObject, JsValue[] arguments, JsValue original) =>
            JoinBounded(thisObject, ",", element => TypeConverter.ToString(engine.Call(element.Get("toLocaleString"), element, [])));

        /// <summary>
        /// Array.prototype.join (ECMA-262 23.1.3.18) with a running length check. An array met again while it is being
        /// joined (a cycle) gives an empty string, as in Jint and V8, instead of recursing without end.
        /// </summary>
        private JsString JoinBounded(JsValue thisObject, string separator, Func<JsValue, string> convert)
        {
            if (thisObject.IsNull() || thisObject.IsUndefined())
            {
                throw new JavaScriptException(engine.Intrinsics.TypeError, "Array.prototype.join called on null or undefined");
            }

            var array = thisObject.IsObject() ? thisObject.AsObject() : engine.Call(engine.Intrinsics.Object, thisObject).AsObject();
            var length = TypeConverter.ToLength(array.Get("length"));
            if (length > (ulong)maxArrayLength)
            {
                throw new ExpressionLimitException($"it would join {length} elements, more than the {maxArrayLength} an array may hold (Expressions.MaxArrayLength).");
            }

            if (!_joining.Add(array))
            {
                return JsString.Empty;
            }

            try
            {
                var result = new StringBuilder();
                for (ulong index = 0; index < length; index++)
                {
                    if (index > 0)
                    {
                        result.Append(separator);
                    }

                    var element = array.Get(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (!element.IsNull() && !element.IsUndefined())
                    {
                        result.Append(convert(element));
                    }

                    if (result.Length > maxLength)
                    {
                        throw TooLong("join", result.Length);
                    }
                }

                return new JsString(result.ToString());
            }
            finally
            {
                _joining.Remove(array);
            }
        }

        /// <summary>
        /// JSON.stringify with a replacer that counts what each property will write (key, indentation at its depth, its
        /// text if a primitive) and stops before the total passes the limit. A caller's replacer still runs, first; an
        /// array replacer (a list of keys) is applied by giving the serializer a copy with just those keys, in that order.
        /// </summary>
        public JsValue Stringify(JsValue thisObject, JsValue[] arguments, JsValue original)
        {
            var value = Argument(arguments, 0);
            var replacer = Argument(arguments, 1);
            var space = Argument(arguments, 2);
            var indent = space.IsNumber() ? Math.Clamp((int)TypeConverter.ToIntegerOrInfinity(space), 0, 10)
                : space.IsString() ? Math.Min(space.AsString().Length, 10) : 0;
            var keys = replacer.IsArray() ? AllowedKeys(replacer.AsArray()) : null;
            var depths = new Dictionary<ObjectInstance, int>(ReferenceEqualityComparer.Instance);
            double total = 0;
            var counting = new ClrFunction(engine, "", (holder, pair) =>
            {
                var key = Argument(pair, 0);
                var current = Argument(pair, 1);
                if (replacer.IsCallable())
                {
                    current = engine.Call(replacer, holder, [key, current]);
                }

                var depth = holder.IsObject() && depths.TryGetValue(holder.AsObject(), out var d) ? d : 0;
                total += 4 + TypeConverter.ToString(key).Length + (double)indent * (depth + 1);
                if (current.IsString())
                {
                    total += current.AsString().Length + 2;
                }
                else if (current.IsObject() && !current.IsCallable())
                {
                    var inner = keys is not null && !current.IsArray() ? Pick(current.AsObject(), keys) : current.AsObject();
                    depths[inner] = depth + 1;
                    current = inner;
                }
                else
                {
                    total += 24;
                }

                if (total > maxLength)
                {
                    throw TooLong("JSON.stringify", total);
                }

                return current;
            }, 2, PropertyFlag.Configurable);
            return engine.Call(original, thisObject, [value, counting, space]);
        }

        private static List<string> AllowedKeys(Jint.Native.JsArray list)
        {
            var keys = new List<string>();
            for (uint i = 0; i < list.Length; i++)
            {
                var item = list.Get(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var key = item.IsString() || item.IsNumber() ? TypeConverter.ToString(item) : null;
                if (key is not null && !keys.Contains(key, StringComparer.Ordinal))
                {
                    keys.Add(key);
                }
            }

            return keys;
        }

        private ObjectInstance Pick(ObjectInstance source, List<string> keys)
        {
            var copy = engine.Intrinsics.Object.Construct([]);
            foreach (var key in keys)
            {
                var value = source.Get(key);
                if (!value.IsUndefined())
                {
                    copy.CreateDataProperty(key, value);
                }
            }

            return copy;
        }

        private string ThisString(JsValue thisObject, string name)
        {
            if (thisObject.IsNull() || thisObject.IsUndefined())
            {
                throw new JavaScriptException(engine.Intrinsics.TypeError, $"String.prototype.{name} called on null or undefined");
            }

            return TypeConverter.ToString(thisObject);
        }

        private static double Occurrences(string text, string pattern)
        {
            if (pattern.Length == 0)
            {
                return text.Length + 1;
            }

            var count = 0;
            for (var at = text.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = text.IndexOf(pattern, at + pattern.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private static JsValue Argument(JsValue[] arguments, int index) => index < arguments.Length ? arguments[index] : JsValue.Undefined;

        private ExpressionLimitException TooLong(string what, double length) =>
            new($"{what} would build a string of {length:0} characters, more than the {maxLength} allowed (Expressions.MaxStringLength).");
    }
}
