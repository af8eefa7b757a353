export const id = 683;
export const ids = [683];
export const modules = {

/***/ 6357:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.configSchema = void 0;
exports.validateConfig = validateConfig;
/** Validates a configuration object (from a file or the Action's input) into a `ConfigInput`. */
const z = __importStar(__webpack_require__(924));
const config_js_1 = __webpack_require__(2973);
const errors_js_1 = __webpack_require__(3916);
const whole = (min, max) => z.number({ error: `must be a whole number from ${min} to ${max}` }).int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` });
const setting = z.enum(['error', 'warning', 'off'], { error: 'must be "error", "warning" or "off"' });
const relativePath = z
    .string({ error: 'must be a path relative to the repository root' })
    .min(1, { error: 'must not be empty' })
    .refine((path) => !/^(?:[/\\]|[A-Za-z]:)/.test(path) && !path.split(/[/\\]/).includes('..'), {
    error: 'must be a path inside the repository, relative to its root',
});
const ruleShape = Object.fromEntries(config_js_1.RULE_IDS.map((id) => [id, setting.optional()]));
exports.configSchema = z.strictObject({
    $schema: z.string().optional(),
    path: relativePath.optional(),
    questions: whole(1, 10_000).optional(),
    words: whole(0, 10_000).optional(),
    gotchas: whole(1, 100).optional(),
    reasonWords: whole(0, 1_000).optional(),
    cheatSheetLines: whole(1, 10_000).optional(),
    lineWidth: whole(20, 1_000).optional(),
    rowChars: whole(10, 10_000).optional(),
    speakingMinutes: z.number({ error: 'must be a number of minutes above 0' }).positive({ error: 'must be a number of minutes above 0' }).max(60, { error: 'must be at most 60 minutes' }).optional(),
    wordsPerMinute: whole(30, 1_000).optional(),
    rules: z.strictObject(ruleShape, { error: 'must be an object mapping rule ids to "error", "warning" or "off"' }).optional(),
}, { error: 'must be an object of options' });
/** Validates a parsed configuration, naming the first bad option in a one-line ConfigError. */
function validateConfig(value, source) {
    const result = exports.configSchema.safeParse(value, { reportInput: true });
    if (result.success) {
        const { $schema: _ignored, ...config } = result.data;
        return config;
    }
    const issue = result.error.issues[0];
    const where = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
        const key = [where, issue.keys[0]].filter(Boolean).join('.');
        const known = where === 'rules' ? config_js_1.RULE_IDS.join(', ') : Object.keys(exports.configSchema.shape).filter((k) => k !== '$schema').join(', ');
        throw new errors_js_1.ConfigError(`${source}: unknown option "${key}" (known: ${known})`);
    }
    const got = 'input' in issue && issue.input !== undefined ? ` (got ${JSON.stringify(issue.input)?.slice(0, 40)})` : '';
    throw new errors_js_1.ConfigError(where ? `${source}: option "${where}" ${issue.message}${got}` : `${source}: the configuration ${issue.message}`);
}


/***/ }),

/***/ 683:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
exports.loadConfigFile = loadConfigFile;
__webpack_unused_export__ = parseConfigText;
/** Finds and reads a configuration file; file system only, the validation lives in config-schema. */
const node_fs_1 = __webpack_require__(3024);
const yaml_1 = __webpack_require__(8815);
const config_js_1 = __webpack_require__(2973);
const config_schema_js_1 = __webpack_require__(6357);
const errors_js_1 = __webpack_require__(3916);
const fs_errors_js_1 = __webpack_require__(7921);
/** Reads, parses and validates a configuration file into a resolved Config. */
function loadConfigFile(file, label = file) {
    let text;
    try {
        text = (0, node_fs_1.readFileSync)(file, 'utf8');
    }
    catch (error) {
        throw new errors_js_1.ConfigError(`cannot read config file ${label}: ${(0, fs_errors_js_1.describeFsError)(error)}`, { cause: error });
    }
    return (0, config_js_1.resolveConfig)((0, config_schema_js_1.validateConfig)(parseConfigText(text, label), label));
}
/** Parses JSON or YAML configuration text (YAML is a superset of JSON, JSON files get JSON's errors). */
function parseConfigText(text, label) {
    const isJson = label.endsWith('.json');
    try {
        if (isJson)
            return JSON.parse(text);
        return (0, yaml_1.parse)(text, { maxAliasCount: 100 }) ?? {};
    }
    catch (error) {
        const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new errors_js_1.ConfigError(`${label} is not valid ${isJson ? 'JSON' : 'YAML'}: ${detail}`, { cause: error });
    }
}


/***/ })

};
